package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Step 10, finish: the console's last button, the summary, the key made active, and the status
// mapping shown there and edited in Settings.
var (
	FinishIntro = &goi18n.Message{
		ID:          "FinishIntro",
		Description: "Wizard step 10: what to do; keep the Chinese console label 我的应用 in Chinese",
		Other:       "In the 1688 console, go back to your app's page (我的应用, then your app) and press the blue button:",
	}
	FinishButtonMeaning = &goi18n.Message{
		ID:          "FinishButtonMeaning",
		Description: "Wizard step 10: the meaning of the console button 开发完成，去下一步, shown next to it; in Chinese write exactly 开发完成，去下一步",
		Other:       "development finished, go to the next step",
	}
	FinishPressed = &goi18n.Message{
		ID:          "FinishPressed",
		Description: "Tick box on wizard step 10; keep the Chinese console label 开发完成，去下一步 in Chinese",
		Other:       "Done: I pressed 开发完成，去下一步",
	}
	FinishSummaryTitle  = &goi18n.Message{ID: "FinishSummaryTitle", Description: "Section heading on wizard step 10: where every step stands", Other: "Summary"}
	FinishSummaryCounts = &goi18n.Message{
		ID:          "FinishSummaryCounts",
		Description: "Wizard step 10, above the summary; Checked and Confirmed are counted phrases such as '4 steps'",
		Other:       "Checked live with 1688: {{.Checked}}. Only confirmed by you: {{.Confirmed}}.",
	}
	FinishStepCount = &goi18n.Message{
		ID:          "FinishStepCount",
		Description: "A number of wizard steps, for FinishSummaryCounts",
		One:         "{{.Count}} step",
		Other:       "{{.Count}} steps",
	}
	FinishRowTitle = &goi18n.Message{
		ID:          "FinishRowTitle",
		Description: "A step in the wizard's summary: N is its number, Title its title",
		Other:       "{{.N}}. {{.Title}}",
	}
	FinishStepChecked = &goi18n.Message{
		ID:          "FinishStepChecked",
		Description: "Summary: the step's live check passed; Time is a date and time",
		Other:       "Checked with 1688 on {{.Time}}",
	}
	FinishStepConfirmed = &goi18n.Message{ID: "FinishStepConfirmed", Description: "Summary: a step caigou cannot check, ticked Done by the user", Other: "Confirmed by you"}
	FinishStepSkipped   = &goi18n.Message{
		ID:          "FinishStepSkipped",
		Description: "Summary, in red: the user skipped the step although its live check failed",
		Other:       "Skipped although the check failed — the key may not work",
	}
	FinishStepTodo = &goi18n.Message{ID: "FinishStepTodo", Description: "Summary: the step is not done", Other: "Not done yet"}
	FinishGoToStep = &goi18n.Message{ID: "FinishGoToStep", Description: "Button in the summary: shows that step's page", Other: "Go to this step"}

	FinishKeyActive = &goi18n.Message{
		ID:          "FinishKeyActive",
		Description: "Wizard step 10: the key was made the one caigou orders and tracks with",
		Other:       "This key is now active: caigou orders and tracks your orders with it.",
	}
	FinishKeyWaiting = &goi18n.Message{
		ID:          "FinishKeyWaiting",
		Description: "Wizard step 10: when the key will be made active",
		Other:       "caigou makes this key the active one when the four checks (steps 4, 5, 6 and 9) have passed and you have ticked the box above.",
	}
	FinishKeyNotActiveSkipped = &goi18n.Message{
		ID:          "FinishKeyNotActiveSkipped",
		Description: "Wizard step 10, in red: the key was not made active because a live check was skipped",
		Other:       "This key was not made active: the check of a step shown in red above was skipped, so caigou cannot tell whether the key works. Go to that step and check it again, or use the key anyway.",
	}
	FinishKeyInactive = &goi18n.Message{
		ID:          "FinishKeyInactive",
		Description: "Wizard step 10: every check passed, but another key is the active one",
		Other:       "This key is ready, but it is not the active one.",
	}
	FinishUseKey         = &goi18n.Message{ID: "FinishUseKey", Description: "Button: make this key the one caigou orders and tracks with", Other: "Make this key active"}
	FinishUseAnyway      = &goi18n.Message{ID: "FinishUseAnyway", Description: "Button: make a key active although one of its checks was skipped", Other: "Use it anyway"}
	FinishUseAnywayTitle = &goi18n.Message{
		ID:          "FinishUseAnywayTitle",
		Description: "Dialog title: use a key whose check was skipped?",
		Other:       "Use a key that did not pass every check?",
	}
	FinishUseAnywayWarning = &goi18n.Message{
		ID:          "FinishUseAnywayWarning",
		Description: "Dialog text before making a key active although a check was skipped",
		Other:       "A check of this key failed and was skipped, so orders or messages may fail with it. caigou will order and track your orders with this key from now on.",
	}
	FinishUseAnywayConfirm = &goi18n.Message{ID: "FinishUseAnywayConfirm", Description: "Dialog button: make the unchecked key active", Other: "Use this key"}
	FinishActivateFailed   = &goi18n.Message{
		ID:          "FinishActivateFailed",
		Description: "Dialog text: the key could not be made active",
		Other:       "This key could not be made active. Check that the disk is not full, then try again.",
	}
	FinishActivateFailedTitle = &goi18n.Message{ID: "FinishActivateFailedTitle", Description: "Dialog title: the key could not be made active", Other: "The key was not made active"}
	FinishAnotherKey          = &goi18n.Message{
		ID:          "FinishAnotherKey",
		Description: "Wizard step 10: when to set up another key",
		Other:       "A key may be used for a limited number of products. When this one runs out, or for another business, set up another key: the keys you have stay as they are.",
	}

	FinishStatusMapTitle = &goi18n.Message{ID: "FinishStatusMapTitle", Description: "Section heading on wizard step 10: how 1688 order states are shown", Other: "How order states are shown"}
	FinishStatusMapIntro = &goi18n.Message{
		ID:          "FinishStatusMapIntro",
		Description: "Wizard step 10: what the status mapping is",
		Other:       "1688 reports the state of each order, and caigou shows it as one of your own states. These are the defaults; you can change them at any time.",
	}
	StatusMapChangeInSettings = &goi18n.Message{ID: "StatusMapChangeInSettings", Description: "Button: opens Settings, where the status mapping is edited", Other: "Change the mapping in Settings"}
)

// The status mapping in Settings, and the names of the 1688 states and of the user's own states.
var (
	SettingsStatusMapping = &goi18n.Message{ID: "SettingsStatusMapping", Description: "Settings section heading: how 1688 order states are shown", Other: "Status mapping"}
	StatusMappingIntro    = &goi18n.Message{
		ID:          "StatusMappingIntro",
		Description: "Settings: what the status mapping is",
		Other:       "For each state 1688 reports for an order, choose the state caigou shows.",
	}
	StatusMappingAppliesToAll = &goi18n.Message{ID: "StatusMappingAppliesToAll", Description: "Settings, under the status mapping", Other: "Changes apply to all orders at once."}
	StatusMappingSaveFailed   = &goi18n.Message{
		ID:          "StatusMappingSaveFailed",
		Description: "Dialog text: a change of the status mapping could not be saved",
		Other:       "The change could not be saved, so the mapping stays as it was. Check that the disk is not full, then try again.",
	}
	StatusMappingReadFailed = &goi18n.Message{
		ID:          "StatusMappingReadFailed",
		Description: "Shown instead of the status mapping when it cannot be read",
		Other:       "The status mapping could not be read. Restart caigou; if this happens again, the database may be damaged.",
	}

	OrderStatusWaitBuyerPay        = &goi18n.Message{ID: "OrderStatusWaitBuyerPay", Description: "1688 order state waitbuyerpay, in plain words", Other: "Waiting for your payment"}
	OrderStatusWaitSellerSend      = &goi18n.Message{ID: "OrderStatusWaitSellerSend", Description: "1688 order state waitsellersend, in plain words", Other: "Paid, waiting for the seller to ship"}
	OrderStatusWaitLogisticsTakeIn = &goi18n.Message{ID: "OrderStatusWaitLogisticsTakeIn", Description: "1688 order state waitlogisticstakein, in plain words", Other: "Waiting for the carrier to pick it up"}
	OrderStatusWaitBuyerReceive    = &goi18n.Message{ID: "OrderStatusWaitBuyerReceive", Description: "1688 order state waitbuyerreceive, in plain words", Other: "Shipped, waiting for you to confirm receipt"}
	OrderStatusWaitBuyerSign       = &goi18n.Message{ID: "OrderStatusWaitBuyerSign", Description: "1688 order state waitbuyersign, in plain words", Other: "Waiting for you to sign for the delivery"}
	OrderStatusSignInSuccess       = &goi18n.Message{ID: "OrderStatusSignInSuccess", Description: "1688 order state signinsuccess, in plain words", Other: "Delivered and signed for"}
	OrderStatusConfirmGoods        = &goi18n.Message{ID: "OrderStatusConfirmGoods", Description: "1688 order state confirm_goods, in plain words", Other: "Receipt confirmed"}
	OrderStatusConfirmGoodsSubsidy = &goi18n.Message{ID: "OrderStatusConfirmGoodsSubsidy", Description: "1688 order state confirm_goods_and_has_subsidy, in plain words", Other: "Receipt confirmed, with a subsidy"}
	OrderStatusConfirmGoodsNotFund = &goi18n.Message{ID: "OrderStatusConfirmGoodsNotFund", Description: "1688 order state confirm_goods_but_not_fund, in plain words: the money is not yet released to the seller", Other: "Receipt confirmed, money not yet released to the seller"}
	OrderStatusSuccess             = &goi18n.Message{ID: "OrderStatusSuccess", Description: "1688 order state success, in plain words", Other: "Completed"}
	OrderStatusCancel              = &goi18n.Message{ID: "OrderStatusCancel", Description: "1688 order state cancel, in plain words", Other: "Cancelled or closed"}
	OrderStatusTerminated          = &goi18n.Message{ID: "OrderStatusTerminated", Description: "1688 order state terminated, in plain words", Other: "Terminated"}
	OrderStatusUnknown             = &goi18n.Message{ID: "OrderStatusUnknown", Description: "A 1688 order state caigou has no name for", Other: "A state caigou does not know"}
	OwnStatusPaid                  = &goi18n.Message{ID: "OwnStatusPaid", Description: "The user's own order state paid", Other: "Paid"}
	OwnStatusOrdered               = &goi18n.Message{ID: "OwnStatusOrdered", Description: "The user's own order state ordered", Other: "Ordered"}
	OwnStatusReceived              = &goi18n.Message{ID: "OwnStatusReceived", Description: "The user's own order state received", Other: "Received"}
	OwnStatusUnableToDeliver       = &goi18n.Message{ID: "OwnStatusUnableToDeliver", Description: "The user's own order state unable_to_deliver", Other: "Unable to deliver"}
)
