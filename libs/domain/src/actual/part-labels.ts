import { messages } from '../messages/domain-messages';
import type { DomainMessages } from '../messages/zh-cn.messages';
import type { Target } from '../target/target.types';
import { splitUnit } from '../units/unit.util';

const L = (): DomainMessages['partLabel'] => messages().partLabel;

/**
 * What to type for a target with several requirements, one label per part in order ("≥1 场、≥90人" →
 * 场次、人数), so the entry form can say the 完成值 is written part by part; undefined for a single requirement.
 */
export function partLabels(target: Target): string[] | undefined {
  if (target.operator !== 'all-of' || !target.parts?.length) return undefined;
  return target.parts.map(partLabel);
}

function partLabel(part: Target): string {
  if (part.operator === 'by-date') return L().date;
  if (part.value === undefined && part.min === undefined) return L().judgement;
  const unit = splitUnit(part.unit).unit;
  if (unit === undefined) return L().number;
  return L().units[unit] ?? L().inUnit(unit);
}
