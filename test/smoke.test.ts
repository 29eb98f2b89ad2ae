import t from 'tap';
import { version } from '../src/version.js';
t.equal(typeof version, 'string');
