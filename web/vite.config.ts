import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const backend = process.env.LIANXIN_BACKEND ?? 'http://127.0.0.1:5080'

// The console is served by the ASP.NET Core app from src/Lianxin/wwwroot.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/swagger': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: '../src/Lianxin/wwwroot',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The console (index.html) and the phone pages for grid staff (m.html, served for /m/…).
      input: { main: 'index.html', m: 'm.html' },
      output: {
        // Vite 8 (Rolldown) replacement for Rollup's manualChunks: one chunk per big library.
        codeSplitting: {
          // A group also takes in what its modules import (e.g. echarts → tslib); the higher
          // priority wins, so vue is claimed first and does not end up inside element-plus.
          groups: [
            { name: 'vue', test: /[\\/]node_modules[\\/](vue|@vue|vue-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            { name: 'vant', test: /[\\/]node_modules[\\/](vant|@vant)[\\/]/, priority: 15 },
            {
              name: 'element-plus',
              test: /[\\/]node_modules[\\/](element-plus|@element-plus|@floating-ui|@ctrl|@sxzz|@vueuse|async-validator|dayjs|lodash|lodash-es|lodash-unified|memoize-one|normalize-wheel-es)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
})
