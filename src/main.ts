import { mount } from 'svelte';
import App from './ui/App.svelte';
import './ui/theme.css';

mount(App, { target: document.getElementById('app')! });

// Tests and the cold-open benchmark wait for this mark: the app is mounted and takes input.
performance.mark('certbench:interactive');
document.documentElement.dataset.ready = 'true';
