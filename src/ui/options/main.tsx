import { render } from 'preact';
import { localizeDocument } from '../i18n.js';
import { OptionsPage } from './options-page.js';

localizeDocument('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
