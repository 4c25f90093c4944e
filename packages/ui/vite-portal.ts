import type { PluginOption, UserConfig } from 'vite';

interface PortalOptions {
  /** Where the API serves the built portal, e.g. `/admin/`. */
  base: string;
  /** Dev server port; `vite preview` uses the same port minus 1000. */
  port: number;
  /** The app passes `react()`: the plugin is the app's dependency, not this package's. */
  plugins: PluginOption[];
}

const API_TARGET = process.env.ASAH_API_URL ?? 'http://localhost:3000';

/** The one Vite configuration of both portals; they differ only in base path and ports. */
export function portalConfig({ base, port, plugins }: PortalOptions): UserConfig {
  return {
    base,
    plugins,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // Libraries change less often than the portal: separate chunks stay cached across releases.
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
              { name: 'vendor', test: /node_modules[\\/]/ },
            ],
          },
        },
      },
    },
    server: {
      port,
      strictPort: true,
      // changeOrigin stays false: the API checks the browser's Origin (http://localhost:<port>) as sent.
      proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
    },
    preview: { port: port - 1000 },
  };
}
