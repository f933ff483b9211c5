// Which continent each ISO 3166-1 country belongs to, for grouping a long
// country list. Keys are UN M49 region codes, so Intl.DisplayNames names the
// groups in the UI language; the assignment follows the UN geoscheme.
export const CONTINENTS: Readonly<Record<string, readonly string[]>> = {
  "002": "IO TF AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW".split(" "),
  "019": "BV AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT UM US UY VC VE VG VI".split(" "),
  "142": "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE".split(" "),
  "150": "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK".split(" "),
  "009": "WS AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV VU WF".split(" "),
};

/** The M49 code of a country's continent; Antarctica (AQ) falls in "ZZ" (unknown region). */
export function continentOf(country: string): string {
  for (const [code, members] of Object.entries(CONTINENTS)) if (members.includes(country)) return code;
  return "ZZ";
}
