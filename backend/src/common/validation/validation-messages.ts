import { ValidationError } from 'class-validator';

/** Chinese messages per class-validator constraint; `{field}` is the field path. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '{field}：不允许的字段',
  isDefined: '{field}：必须填写',
  isNotEmpty: '{field}：不能为空',
  isString: '{field}：必须是文本',
  isInt: '{field}：必须是整数',
  isNumber: '{field}：必须是数字',
  isBoolean: '{field}：必须是真或假',
  isIn: '{field}：取值不在允许范围内',
  isEnum: '{field}：取值不在允许范围内',
  isUUID: '{field}：必须是有效的标识（UUID）',
  isArray: '{field}：必须是列表',
  min: '{field}：数值过小',
  max: '{field}：数值过大',
  minLength: '{field}：内容过短',
  maxLength: '{field}：内容过长',
  matches: '{field}：格式不正确',
  isDateString: '{field}：必须是日期（YYYY-MM-DD）',
  isISO8601: '{field}：必须是日期（YYYY-MM-DD）',
  arrayMaxSize: '{field}：条目过多',
  arrayUnique: '{field}：条目重复',
  isObject: '{field}：必须是对象',
};

/** Flattens nested validation errors into `{ "a.b[0].c": "中文消息" }`, one message per field. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = prefix
      ? /^\d+$/.test(error.property)
        ? `${prefix}[${error.property}]`
        : `${prefix}.${error.property}`
      : error.property;
    const constraints = error.constraints ?? {};
    const [first] = Object.keys(constraints);
    if (first) {
      // A custom message given on the decorator (Chinese, written for that field) wins over the template.
      const custom = constraints[first];
      const template = MESSAGES[first];
      out[path] = template && !/[\u4e00-\u9fff]/.test(custom) ? template.replace('{field}', path) : custom;
    }
    if (error.children?.length) Object.assign(out, toFieldErrors(error.children, path));
  }
  return out;
}
