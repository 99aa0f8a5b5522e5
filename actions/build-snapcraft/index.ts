import { runAction } from '../../shared/runtime.js'
import { main } from './main.js'

await runAction(main)
