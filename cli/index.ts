import { mainCli } from './main.js'

await mainCli()
