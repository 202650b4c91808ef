import { render } from 'preact';
import { installFocusModality } from '../focus-modality.js';
import { installInertText } from '../inert-text.js';
import { localizeDocument } from '../localize-document.js';
import { ReportPage } from './report-page.js';

localizeDocument('reportTitle');
installInertText();
installFocusModality();
render(<ReportPage params={new URLSearchParams(location.search)} />, document.getElementById('app')!);
