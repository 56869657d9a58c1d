/** 连心 · 网格随手拍: the phone pages for grid staff and residents (Vant 4), served by the backend for /m/…. */
import { createApp } from 'vue'
import { showFailToast } from 'vant'
import './vant-styles'
import './styles.css'
import { setErrorNotifier } from '@/shared/http'
import App from './App.vue'
import { router } from './router'

// Unexpected API failures as a Vant toast (the console's default is Element Plus' ElMessage).
setErrorNotifier((message) => showFailToast({ message, duration: 3000, wordBreak: 'break-word' }))

createApp(App).use(router).mount('#app')
