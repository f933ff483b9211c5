export declare function projectAddresses(pkg: { bugs?: unknown; homepage?: unknown }): { bugs: string; homepage: string };
