// `npm run demo`: checks the example group's record and says what it holds.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = 'examples/pku-group';
console.log(`vita demo: the example group in ${example}/\n`);
const check = spawnSync(process.execPath, ['dist/cli/main.js', 'check', example], { cwd: root, stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);
console.log(`\nThe record is in ${example}/ (people/, publications/, news/, seminars/).`);
console.log('Try: npx vita check examples/pku-group --format json');
