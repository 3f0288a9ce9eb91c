import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

import { MESSAGES } from '../../shared/i18n/messages';

/** Browser tab title: "<page> · 绩效目标管理". */
@Injectable()
export class AppTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly messages = inject(MESSAGES);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    const app = this.messages.app.name;
    this.title.setTitle(page ? `${page}${this.messages.app.titleSeparator}${app}` : app);
  }
}
