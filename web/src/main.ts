import { createApp } from 'vue'
import './app/element-plus'
import './app/styles.css'
import App from './app/App.vue'
import { installElementPlus } from './app/element-plus'
import { router } from './app/router'

const app = createApp(App)
installElementPlus(app)
app.use(router).mount('#app')
