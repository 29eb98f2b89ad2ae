/** IpAddress / NotIpAddress: IPv4 and IPv6 CIDR blocks; a bare address is a /32 (or /128). */
import { BlockList, isIP } from 'node:net';
import type { ValueTest } from './value-test.js';

export function compileIpTest(values: readonly string[]): ValueTest {
  const blocks = new BlockList();
  for (const value of values) addBlock(blocks, value.trim());
  return (value) => {
    const address = value.trim();
    const version = isIP(address);
    return version !== 0 && blocks.check(address, version === 4 ? 'ipv4' : 'ipv6');
  };
}

function addBlock(blocks: BlockList, cidr: string): void {
  const [address = '', prefixText] = cidr.split('/');
  const version = isIP(address);
  if (version === 0) return; // not an address: matches nothing
  const type = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (Number.isInteger(prefix) && prefix >= 0 && prefix <= max) blocks.addSubnet(address, prefix, type);
}
