// Options page: settings from storage, writes through the background.
import { useEffect, useState } from "preact/hooks";
import { send } from "../platform/messaging";
import { onSettingsChanged, readSettings } from "../platform/settings";
import { openExtensionPage, uiLanguage } from "../platform/ui";
import { effectiveCountry, type Settings } from "../core/settings";
import type { DataInfo } from "../core/messages";
import { mount } from "../ui/mount";
import { OptionsForm } from "./OptionsForm";

function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dataInfo, setDataInfo] = useState<DataInfo | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
    void send("getDataInfo", {}).then(setDataInfo, () => setDataInfo(null));
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return null;
  return (
    <OptionsForm
      settings={settings}
      country={effectiveCountry(settings, uiLanguage())}
      dataInfo={dataInfo}
      onPatch={(patch) => send("updateSettings", { patch }).then(setSettings)}
      onRestore={(domain) => send("restoreSite", { domain }).then(setSettings)}
      onShowWelcome={() => void openExtensionPage("welcome.html")}
    />
  );
}

mount(<OptionsPage />);
