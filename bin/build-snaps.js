#!/usr/bin/env node
// The local runner (see cli/main.ts): runs the committed dist/ bundles the way the GitHub runner does.
import '../dist/cli/index.js'
