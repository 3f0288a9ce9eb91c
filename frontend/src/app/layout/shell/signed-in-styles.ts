// The ng-zorro stylesheets only signed-in pages need (the menu, tables, tabs, date pickers, drawers, dialogs,
// results), as text in the shell's lazy chunk: the login page downloads the few it draws (angular.json's
// "styles": base, alert, form, input, message, notification, button) and this arrives with the first signed-in
// page. Content-hashed like every chunk, so a returning browser has it cached. Add a component's
// style/index.min.css here when a new ng-zorro component is used (table's sheet carries select, pagination,
// empty, spin and button).
import checkbox from '../../../../../node_modules/ng-zorro-antd/checkbox/style/index.min.css' with {
  loader: 'text',
};
import datePicker from '../../../../../node_modules/ng-zorro-antd/date-picker/style/index.min.css' with {
  loader: 'text',
};
import drawer from '../../../../../node_modules/ng-zorro-antd/drawer/style/index.min.css' with {
  loader: 'text',
};
import layout from '../../../../../node_modules/ng-zorro-antd/layout/style/index.min.css' with {
  loader: 'text',
};
import menu from '../../../../../node_modules/ng-zorro-antd/menu/style/index.min.css' with { loader: 'text' };
import modal from '../../../../../node_modules/ng-zorro-antd/modal/style/index.min.css' with {
  loader: 'text',
};
import result from '../../../../../node_modules/ng-zorro-antd/result/style/index.min.css' with {
  loader: 'text',
};
import table from '../../../../../node_modules/ng-zorro-antd/table/style/index.min.css' with {
  loader: 'text',
};
import tabs from '../../../../../node_modules/ng-zorro-antd/tabs/style/index.min.css' with { loader: 'text' };
import app from '../../../styles.css' with { loader: 'text' };

const ID = 'signed-in-styles';

/**
 * Adds the signed-in pages' stylesheet once, right after the global one (before any component's styles, as if
 * it were part of it), followed by the app's own global rules again so that they still come after every
 * ng-zorro rule (the contrast overrides of styles.css).
 */
export function addSignedInStyles(document: Document): void {
  if (document.getElementById(ID)) return;
  const style = document.createElement('style');
  style.id = ID;
  style.textContent = [checkbox, datePicker, drawer, layout, menu, modal, result, table, tabs, app].join(
    '\n',
  );
  const global = document.querySelector('link[rel="stylesheet"][href*="styles"]');
  if (global) global.after(style);
  else document.head.prepend(style);
}
