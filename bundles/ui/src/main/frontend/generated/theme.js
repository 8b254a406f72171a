import {applyTheme as _applyTheme} from './theme-coffee.generated.js';
export const applyTheme = _applyTheme;
