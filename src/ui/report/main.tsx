import { render } from 'preact';
import { localizeDocument } from '../localize-document.js';
import { ReportPage } from './report-page.js';

localizeDocument('reportTitle');
render(<ReportPage params={new URLSearchParams(location.search)} />, document.getElementById('app')!);
