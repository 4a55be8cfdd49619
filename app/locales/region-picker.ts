/** Strings of the region picker (app/components/region-picker.tsx) and its server checks; in "common", since every form with a place uses them. */
export const regionPickerZh = {
  regionPicker: {
    county: "县（市、区）",
    town: "镇（街道）",
    chooseCounty: "请选择县（市、区）",
    chooseTown: "请选择镇（街道）",
    search: "查找镇（街道）",
    searchPlaceholder: "输入名称或拼音，如 蒿坪、haoping、hp",
    matches: "找到 {{count}} 个",
    noMatch: "没有找到，换个写法试试，或先选县（市、区）。",
    wholeCounty: "{{name}}（全县）",
    retiredName: "{{name}}（已撤销）",
    errors: {
      unknown: "请从列表中选择。",
      countyRequired: "请选择县（市、区）。",
      townNotInCounty: "这个镇（街道）不属于所选的县（市、区），请重新选择。",
      retired: "这个区划已撤销或更名，请选择现在的区划。",
      outOfScope: "这个区划不在您负责的范围内。",
    },
  },
};

export const regionPickerEn: typeof regionPickerZh = {
  regionPicker: {
    county: "County",
    town: "Town",
    chooseCounty: "Choose a county",
    chooseTown: "Choose a town",
    search: "Find a town",
    searchPlaceholder: "Name or pinyin, e.g. 蒿坪, haoping, hp",
    matches: "Found: {{count}}",
    noMatch: "Nothing found: try another spelling, or choose the county first.",
    wholeCounty: "{{name}} (whole county)",
    retiredName: "{{name}} (no longer in use)",
    errors: {
      unknown: "Choose one from the list.",
      countyRequired: "Choose a county.",
      townNotInCounty: "This town is not in the chosen county: choose again.",
      retired: "This division was abolished or renamed: choose the current one.",
      outOfScope: "This area is outside your region.",
    },
  },
};
