package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The tabs of Settings and its About page.
var (
	SettingsTabGeneral = &goi18n.Message{ID: "SettingsTabGeneral", Description: "Settings tab: language, theme and notifications", Other: "General"}
	SettingsTabKeys    = &goi18n.Message{ID: "SettingsTabKeys", Description: "Settings tab: the 1688 keys and their accounts", Other: "Keys"}
	SettingsTabStatus  = &goi18n.Message{ID: "SettingsTabStatus", Description: "Settings tab: the mapping of 1688 order states to the user's own", Other: "Statuses"}
	SettingsTabData    = &goi18n.Message{ID: "SettingsTabData", Description: "Settings tab: data folder, backups, export and the diagnostics file", Other: "Data"}
	SettingsTabAbout   = &goi18n.Message{ID: "SettingsTabAbout", Description: "Settings tab: caigou's version", Other: "About"}
	SettingsTheme      = &goi18n.Message{ID: "SettingsTheme", Description: "Settings section heading: light or dark colours", Other: "Theme"}

	AboutTitle = &goi18n.Message{
		ID:          "AboutTitle",
		Description: "The About page's first line; caigou is the app's name, 采购 means purchasing",
		Other:       "caigou 采购",
	}
	AboutWhat = &goi18n.Message{
		ID:          "AboutWhat",
		Description: "The About page: what caigou is, in one sentence",
		Other:       "Buys on 1688.com through the buyer self-use purchasing solution: sets up the key, places and tracks orders, and meters each key.",
	}
	AboutVersion = &goi18n.Message{
		ID:          "AboutVersion",
		Description: "The About page: caigou's version, e.g. 0.1.0 (build 1, 3f2a9c1)",
		Other:       "Version {{.Version}}",
	}
	AboutSystem = &goi18n.Message{
		ID:          "AboutSystem",
		Description: "The About page: the operating system and processor caigou runs on, e.g. windows/amd64",
		Other:       "Running on {{.System}}",
	}
	AboutSupport = &goi18n.Message{
		ID:          "AboutSupport",
		Description: "The About page: how to get help; names the Data tab's diagnostics file",
		Other:       "Need help? Under Data, create a diagnostics file and send it to the person who helps you. It never holds your AppSecret, tokens or passwords.",
	}
	AboutCopyVersion = &goi18n.Message{ID: "AboutCopyVersion", Description: "Button: copies the version and system line, for a support request", Other: "Copy version"}
)
