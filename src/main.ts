import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/theme.css';
import { persistenceStatus } from './ui/ca/persistence-status.svelte.ts';

mount(App, { target: document.getElementById('app')! });

// Ask the browser to keep the CA store; never awaited (Firefox on file:// never answers). The CA view shows the answer.
persistenceStatus.ask();

// Tests and the cold-open benchmark wait for this mark: the app is mounted and takes input.
performance.mark('certbench:interactive');
document.documentElement.dataset.ready = 'true';
