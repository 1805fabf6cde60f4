// Entry point of the browser bundle: styles and the application into #app.
import { render } from 'preact';
import { App } from './components/app';
import './styles.css';

render(<App />, document.getElementById('app')!);
