import { render } from 'preact';
import { localizeDocument } from '../i18n.js';
import { Popup } from './popup.js';

localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app')!);
