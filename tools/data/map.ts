// The world map for the report, projected once at build time from Natural
// Earth (world-atlas) into plain SVG path strings keyed by country code: the
// popup draws it with no map library.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "i18n-iso-countries";
import { compactPath } from "./path";

export interface WorldMap {
  width: number;
  height: number;
  /** ISO alpha-2 → SVG path data. */
  paths: Record<string, string>;
}

export function buildWorldMap(topology: unknown, width = 360, height = 180): WorldMap {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries);
  const projection = geoNaturalEarth1().fitSize([width, height], collection);
  const path = geoPath(projection);
  const paths: Record<string, string> = {};
  for (const f of collection.features) {
    const numeric = typeof f.id === "string" ? f.id : f.id !== undefined ? String(f.id).padStart(3, "0") : "";
    const alpha2 = countries.numericToAlpha2(numeric);
    const d = path(f);
    if (!alpha2 || !d) continue;
    paths[alpha2] = (paths[alpha2] ?? "") + compactPath(d);
  }
  return { width, height, paths };
}
