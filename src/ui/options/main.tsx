import { render } from 'preact';
import { localizeDocument } from '../localize-document.js';
import { OptionsPage } from './options-page.js';

localizeDocument('optionsTitle');
render(<OptionsPage />, document.getElementById('app')!);
