import zh from '@angular/common/locales/zh';
import { zh_CN } from 'ng-zorro-antd/i18n';

import { ZH_CN_MESSAGES } from '../../shared/i18n/messages.zh-CN';
import type { LocaleData } from './locale-data';

export const ZH_CN_LOCALE_DATA: LocaleData = { angular: zh, nz: zh_CN, messages: ZH_CN_MESSAGES };
