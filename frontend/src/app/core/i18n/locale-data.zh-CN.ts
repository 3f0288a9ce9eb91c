import zh from '@angular/common/locales/zh';

import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';
import type { LocaleData } from './locale-data';

export const ZH_CN_LOCALE_DATA: LocaleData = { angular: zh, messages: ZH_CN_MESSAGES };
