import { render } from 'preact';
import { installInertText } from '../inert-text.js';
import { localizeDocument } from '../localize-document.js';
import { Popup } from './popup.js';

localizeDocument('popupTitle');
installInertText();
render(<Popup />, document.getElementById('app')!);
