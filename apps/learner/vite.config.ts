import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// Relative on purpose: Vite loads a config's workspace imports with Node, which cannot run TypeScript.
import { portalConfig } from '../../packages/ui/vite-portal';

export default defineConfig(portalConfig({ base: '/', port: 5173, plugins: [react()] }));
