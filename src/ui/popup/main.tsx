import { render } from 'preact';
import { installFocusModality } from '../focus-modality.js';
import { installInertText } from '../inert-text.js';
import { localizeDocument } from '../localize-document.js';
import { Popup } from './popup.js';

localizeDocument('popupTitle');
installInertText();
installFocusModality();
render(<Popup />, document.getElementById('app')!);
