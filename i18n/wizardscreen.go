package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// The key setup wizard's frame: progress, navigation, live checks, copying and practice mode.
var (
	WizardStepOf = &goi18n.Message{
		ID:          "WizardStepOf",
		Description: "The wizard's progress above each page, e.g. Step 4 of 10: AppKey and AppSecret",
		Other:       "Step {{.N}} of {{.Total}}: {{.Title}}",
	}
	WizardBack = &goi18n.Message{ID: "WizardBack", Description: "Button: the wizard's previous step", Other: "Back"}
	WizardNext = &goi18n.Message{ID: "WizardNext", Description: "Button: the wizard's next step", Other: "Next"}

	StepTitleBefore            = &goi18n.Message{ID: "StepTitleBefore", Description: "Wizard step title 1", Other: "Before you start"}
	StepTitleSubscribe         = &goi18n.Message{ID: "StepTitleSubscribe", Description: "Wizard step title 2", Other: "Subscribe to the solution"}
	StepTitleDescribe          = &goi18n.Message{ID: "StepTitleDescribe", Description: "Wizard step title 3", Other: "Describe the business"}
	StepTitleAppKey            = &goi18n.Message{ID: "StepTitleAppKey", Description: "Wizard step title 4; keep AppKey and AppSecret in Latin letters", Other: "AppKey and AppSecret"}
	StepTitleToken             = &goi18n.Message{ID: "StepTitleToken", Description: "Wizard step title 5", Other: "Authorized user and token"}
	StepTitleChannel           = &goi18n.Message{ID: "StepTitleChannel", Description: "Wizard step title 6", Other: "Message channel"}
	StepTitleTestAccount       = &goi18n.Message{ID: "StepTitleTestAccount", Description: "Wizard step title 7", Other: "Test account"}
	StepTitleSubscribeMessages = &goi18n.Message{ID: "StepTitleSubscribeMessages", Description: "Wizard step title 8", Other: "Subscribe to the messages"}
	StepTitleTestMessages      = &goi18n.Message{ID: "StepTitleTestMessages", Description: "Wizard step title 9", Other: "Test messages"}
	StepTitleFinish            = &goi18n.Message{ID: "StepTitleFinish", Description: "Wizard step title 10", Other: "Finish"}

	OpenThisPage = &goi18n.Message{ID: "OpenThisPage", Description: "Button: opens the 1688 console page of this step in the browser", Other: "Open this page"}
	Copy         = &goi18n.Message{ID: "Copy", Description: "Button: copies the value next to it", Other: "Copy"}
	ShowSecret   = &goi18n.Message{ID: "ShowSecret", Description: "Button: shows a hidden secret, like the console's 查看", Other: "Show"}
	HideSecret   = &goi18n.Message{ID: "HideSecret", Description: "Button: hides a shown secret again", Other: "Hide"}
	DialogCancel = &goi18n.Message{ID: "DialogCancel", Description: "Dialog button: go back without doing anything", Other: "Cancel"}

	WizardSaveFailed = &goi18n.Message{
		ID:          "WizardSaveFailed",
		Description: "Dialog text: the wizard could not write the user's progress",
		Other:       "What you did on this page could not be saved. Check that the disk is not full, then try again.",
	}

	CheckRunning  = &goi18n.Message{ID: "CheckRunning", Description: "A live check is running", Other: "Checking with 1688…"}
	CheckPassed   = &goi18n.Message{ID: "CheckPassed", Description: "A live check passed", Other: "It works. You can go on."}
	CheckPassedAt = &goi18n.Message{
		ID:          "CheckPassedAt",
		Description: "A live check passed on an earlier visit; Time is a date and time",
		Other:       "Checked: it worked on {{.Time}}.",
	}
	CheckLastFailed = &goi18n.Message{
		ID:          "CheckLastFailed",
		Description: "The last live check of this step failed, on an earlier visit",
		Other:       "The last check failed. Correct what it said, then check again.",
	}
	CheckWasSkipped = &goi18n.Message{
		ID:          "CheckWasSkipped",
		Description: "The user skipped this step although its live check failed",
		Other:       "Skipped although the check failed: the key may not work.",
	}
	CheckSkip        = &goi18n.Message{ID: "CheckSkip", Description: "Button: go on although the live check failed", Other: "Skip this check…"}
	CheckSkipTitle   = &goi18n.Message{ID: "CheckSkipTitle", Description: "Dialog title: skip a failed check?", Other: "Skip a failed check?"}
	CheckSkipWarning = &goi18n.Message{
		ID:          "CheckSkipWarning",
		Description: "Dialog text before skipping a failed live check",
		Other:       "The check failed, so caigou cannot tell whether this step works. Orders or messages may fail later. The summary will show this step in red, and you can come back to it at any time.",
	}
	CheckSkipConfirm = &goi18n.Message{ID: "CheckSkipConfirm", Description: "Dialog button: skip the failed check", Other: "Skip it"}

	PracticeStart = &goi18n.Message{ID: "PracticeStart", Description: "Button on the first wizard page: runs the wizard against a built-in 1688 simulator", Other: "Practice with a demo key"}
	PracticeIntro = &goi18n.Message{
		ID:          "PracticeIntro",
		Description: "Text next to the practice button",
		Other:       "To learn the steps first, or to show them to a customer, practise with a demo key. caigou then plays the part of 1688; nothing reaches your real data, and the practice is deleted when you leave it.",
	}
	PracticeBanner = &goi18n.Message{
		ID:          "PracticeBanner",
		Description: "Banner above the wizard in practice mode",
		Other:       "Practice mode: a demo key against caigou's built-in 1688. Nothing here is real, and it is all deleted when you leave.",
	}
	PracticeLeave       = &goi18n.Message{ID: "PracticeLeave", Description: "Button: leave practice mode and delete its data", Other: "Leave practice"}
	PracticeFailedTitle = &goi18n.Message{ID: "PracticeFailedTitle", Description: "Dialog title: practice mode did not start", Other: "Practice mode did not start"}
	PracticeFailed      = &goi18n.Message{
		ID:          "PracticeFailed",
		Description: "Dialog text: practice mode did not start",
		Other:       "caigou could not start its built-in 1688. Check that the disk is not full, then try again.",
	}
	PracticeDemoValues = &goi18n.Message{
		ID:          "PracticeDemoValues",
		Description: "Heading over the demo values the user copies in practice mode, where the real console would show them",
		Other:       "In practice mode, copy these demo values:",
	}
	SetUpAnotherKey = &goi18n.Message{ID: "SetUpAnotherKey", Description: "Button: start the wizard for a new key; the old keys stay", Other: "Set up another key"}
	StepDone        = &goi18n.Message{
		ID:          "StepDone",
		Description: "Tick box of a wizard step caigou cannot check: the user confirms doing it",
		Other:       "Done: I have done this step",
	}
)

// Step 1, before you start.
var (
	BeforeIntro = &goi18n.Message{
		ID:          "BeforeIntro",
		Description: "Wizard step 1: what the wizard does",
		Other:       "This wizard takes you through the 1688 console, page by page, to a working key for this purchasing solution. After each step that can be checked, caigou checks it with 1688 at once. You will need:",
	}
	BeforeNeedAccount = &goi18n.Message{
		ID:          "BeforeNeedAccount",
		Description: "Wizard step 1: a requirement",
		Other:       "A 1688 buyer account of level L2 or higher, with purchases already made on 1688.",
	}
	BeforeNeedSellers = &goi18n.Message{
		ID:          "BeforeNeedSellers",
		Description: "Wizard step 1: a requirement",
		Other:       "Sellers you have bought from before: the solution orders only from them. Place the first order to a new seller on the 1688 website.",
	}
	BeforeNeedCompany = &goi18n.Message{
		ID:          "BeforeNeedCompany",
		Description: "Wizard step 1: a requirement",
		Other:       "Your company name and one or two sentences on what your business does.",
	}
	BeforeNeedLogo = &goi18n.Message{
		ID:          "BeforeNeedLogo",
		Description: "Wizard step 1: a requirement",
		Other:       "A square logo picture. If you have none, caigou makes one from your company name.",
	}
	BeforeNeedTime = &goi18n.Message{
		ID:          "BeforeNeedTime",
		Description: "Wizard step 1: how long it takes",
		Other:       "About 30 minutes, with the 1688 website open in your browser and logged in.",
	}
	BeforeAnotherKey = &goi18n.Message{
		ID:          "BeforeAnotherKey",
		Description: "Wizard step 1: progress is kept",
		Other:       "Your progress is saved after every step: you can stop and come back later.",
	}
	BeforeReady   = &goi18n.Message{ID: "BeforeReady", Description: "Tick box on wizard step 1", Other: "Done: I have all of this and I am logged in to 1688"}
	PracticeTitle = &goi18n.Message{ID: "PracticeTitle", Description: "Section heading on wizard step 1", Other: "Practice first"}
)
