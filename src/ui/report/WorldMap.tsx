// A small world map drawn from path data projected at build time
// (data/map.json); marks storage, access, headquarters and the user's
// country with patterns and a text legend, not colour alone.
import { useEffect, useState } from "preact/hooks";
import { useUi } from "../context";

interface MapData {
  width: number;
  height: number;
  paths: Record<string, string>;
}

let cache: Promise<MapData> | undefined;

/** Reads the bundled map once per page; a failed read is not cached, so it can be retried. */
function loadMap(url: string): Promise<MapData> {
  if (!cache) {
    cache = fetch(url).then((r) => (r.ok ? (r.json() as Promise<MapData>) : Promise.reject(new Error(`map: ${r.status}`))));
    cache.catch(() => { cache = undefined; });
  }
  return cache;
}

export function WorldMap(props: { storage: string[]; access: string[]; headquarters?: string; user: string }) {
  const { t, asset } = useUi();
  const [map, setMap] = useState<MapData | null>(null);
  useEffect(() => {
    let live = true;
    // Without its map the report is still complete: a failed read just leaves the map out.
    loadMap(asset("data/map.json")).then((m) => live && setMap(m), () => undefined);
    return () => { live = false; };
  }, [asset]);
  if (!map) return null;
  const classFor = (cc: string) => {
    const c: string[] = [];
    if (props.storage.includes(cc)) c.push("m-storage");
    if (props.access.includes(cc)) c.push("m-access");
    if (props.headquarters === cc) c.push("m-hq");
    if (props.user === cc) c.push("m-user");
    return c.join(" ");
  };
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-label={t("mapLabel")}>
        <defs>
          <pattern id="hatch" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="1.5" height="3" class="hatch" />
          </pattern>
        </defs>
        {Object.entries(map.paths).map(([cc, d]) => <path key={cc} d={d} class={classFor(cc)} />)}
      </svg>
      <figcaption class="legend">
        <span><i class="key m-storage" aria-hidden="true" />{t("legendStorage")}</span>
        <span><i class="key m-access" aria-hidden="true" />{t("legendAccess")}</span>
        <span><i class="key m-hq" aria-hidden="true" />{t("legendHq")}</span>
        <span><i class="key m-user" aria-hidden="true" />{t("legendYou")}</span>
      </figcaption>
    </figure>
  );
}
