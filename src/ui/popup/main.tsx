import { render } from 'preact';
import { localizeDocument } from '../localize-document.js';
import { Popup } from './popup.js';

localizeDocument('popupTitle');
render(<Popup />, document.getElementById('app')!);
