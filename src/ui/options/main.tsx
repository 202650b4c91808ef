import { render } from 'preact';
import { installInertText } from '../inert-text.js';
import { localizeDocument } from '../localize-document.js';
import { OptionsPage } from './options-page.js';

localizeDocument('optionsTitle');
installInertText();
render(<OptionsPage />, document.getElementById('app')!);
