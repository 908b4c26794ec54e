package i18n

import goi18n "github.com/nicksnyder/go-i18n/v2/i18n"

// Wizard steps 2 and 3: subscribing to the solution, the order form and the logo caigou makes.
// Chinese console labels stay in Chinese in every language; a label's meaning in Chinese is the
// label itself.
var (
	SubscribeIntro = &goi18n.Message{
		ID:          "SubscribeIntro",
		Description: "Wizard step 2: why the user subscribes; keep 采购解决方案(买家自用版) in Chinese",
		Other:       "A key belongs to the solution 采购解决方案(买家自用版). Subscribe your 1688 account to it first:",
	}
	SubscribeOpen = &goi18n.Message{
		ID:          "SubscribeOpen",
		Description: "Wizard step 2, instruction 1",
		Other:       "Open the solution's page and log in with your 1688 buyer account.",
	}
	SubscribeOrange = &goi18n.Message{
		ID:          "SubscribeOrange",
		Description: "Wizard step 2, instruction 2: the page has one orange button at its top",
		Other:       "Press the orange button at the top of the page.",
	}
	SubscribeOrder = &goi18n.Message{
		ID:          "SubscribeOrder",
		Description: "Wizard step 2, instruction 3; keep 解决方案列表 and 订购 in Chinese",
		Other:       "In the list 解决方案列表, find the row of the solution and press 订购 at its end.",
	}
	SubscribeStatus = &goi18n.Message{
		ID:          "SubscribeStatus",
		Description: "Wizard step 2, instruction 4; keep 已订购 in Chinese",
		Other:       "The row's status becomes 已订购. The next step explains the order form.",
	}
	SubscribeDone = &goi18n.Message{
		ID:          "SubscribeDone",
		Description: "Tick box of wizard step 2; keep 已订购 in Chinese",
		Other:       "Done: the solution shows 已订购",
	}
	SubscribeLabelSolution = &goi18n.Message{
		ID:          "SubscribeLabelSolution",
		Description: "Meaning of the console label 采购解决方案(买家自用版), the solution's name; in Chinese write the label itself",
		Other:       "purchasing solution, for buyers' own use",
	}
	SubscribeLabelList = &goi18n.Message{
		ID:          "SubscribeLabelList",
		Description: "Meaning of the console label 解决方案列表; in Chinese write the label itself",
		Other:       "list of solutions",
	}
	SubscribeLabelOrder = &goi18n.Message{
		ID:          "SubscribeLabelOrder",
		Description: "Meaning of the console button 订购; in Chinese write the label itself",
		Other:       "subscribe",
	}
	SubscribeLabelOrdered = &goi18n.Message{
		ID:          "SubscribeLabelOrdered",
		Description: "Meaning of the console status 已订购; in Chinese write the label itself",
		Other:       "subscribed",
	}
)

// Step 3: the order form.
var (
	DescribeIntro = &goi18n.Message{
		ID:          "DescribeIntro",
		Description: "Wizard step 3: what the page is for",
		Other:       "Fill in the order form of the solution. caigou helps with each field:",
	}
	DescribeCompany = &goi18n.Message{
		ID:          "DescribeCompany",
		Description: "Wizard step 3, instruction 1: the company name field of the order form",
		Other:       "Type your company name into the form. You can write it here and copy it.",
	}
	DescribeCompanyPlaceholder = &goi18n.Message{ID: "DescribeCompanyPlaceholder", Description: "Placeholder of the company name field", Other: "Company name"}
	DescribeFunction           = &goi18n.Message{
		ID:          "DescribeFunction",
		Description: "Wizard step 3, instruction 2; keep 功能描述 in Chinese",
		Other:       "In 功能描述, say in one or two sentences what your business does: what you buy on 1688 and for whom.",
	}
	DescribeFunctionPlaceholder = &goi18n.Message{
		ID:          "DescribeFunctionPlaceholder",
		Description: "Placeholder of the field for what the business does",
		Other:       "For example: we buy clothes on 1688 for our online shop.",
	}
	DescribeLogo = &goi18n.Message{
		ID:          "DescribeLogo",
		Description: "Wizard step 3, instruction 3; keep 应用图标 and 单击上传 in Chinese",
		Other:       "Under 应用图标, press 单击上传 and choose a square picture of your logo. If you have none, caigou makes a plain one from the company name.",
	}
	DescribeAgreement = &goi18n.Message{
		ID:          "DescribeAgreement",
		Description: "Wizard step 3, instruction 4: tick the agreement box under the form",
		Other:       "Tick the box of the agreement:",
	}
	DescribeSubmit = &goi18n.Message{
		ID:          "DescribeSubmit",
		Description: "Wizard step 3, instruction 5; keep 订购解决方案 in Chinese",
		Other:       "Press 订购解决方案.",
	}
	DescribeResult = &goi18n.Message{
		ID:          "DescribeResult",
		Description: "Wizard step 3, instruction 6; keep 订购成功, 解决方案名称, 应用名称, 生效时间 and APPKEY in Chinese or as they are",
		Other:       "The page 订购成功 shows 解决方案名称, 应用名称, 生效时间 and APPKEY. Keep this page open: the next step needs the AppKey and the end date of 生效时间.",
	}
	DescribeDone = &goi18n.Message{
		ID:          "DescribeDone",
		Description: "Tick box of wizard step 3; keep 订购成功 in Chinese",
		Other:       "Done: the console shows 订购成功",
	}
	DescribeLabelFunction = &goi18n.Message{
		ID:          "DescribeLabelFunction",
		Description: "Meaning of the console field 功能描述; in Chinese write the label itself",
		Other:       "what the business does",
	}
	DescribeLabelIcon = &goi18n.Message{
		ID:          "DescribeLabelIcon",
		Description: "Meaning of the console field 应用图标; in Chinese write the label itself",
		Other:       "app icon: your logo",
	}
	DescribeLabelUpload = &goi18n.Message{
		ID:          "DescribeLabelUpload",
		Description: "Meaning of the console button 单击上传; in Chinese write the label itself",
		Other:       "click to upload",
	}
	DescribeLabelAgreement = &goi18n.Message{
		ID:          "DescribeLabelAgreement",
		Description: "Meaning of the console label 《阿里巴巴开放平台合作伙伴开发协议》; in Chinese write the label itself",
		Other:       "Alibaba Open Platform partner development agreement",
	}
	DescribeLabelSubmit = &goi18n.Message{
		ID:          "DescribeLabelSubmit",
		Description: "Meaning of the console button 订购解决方案; in Chinese write the label itself",
		Other:       "order the solution",
	}
	DescribeLabelSuccess = &goi18n.Message{
		ID:          "DescribeLabelSuccess",
		Description: "Meaning of the console heading 订购成功; in Chinese write the label itself",
		Other:       "subscribed successfully",
	}
	DescribeLabelValidity = &goi18n.Message{
		ID:          "DescribeLabelValidity",
		Description: "Meaning of the console label 生效时间, a start and an end date; in Chinese write the label itself",
		Other:       "valid from – until",
	}
	DescribeLabelAppKey = &goi18n.Message{
		ID:          "DescribeLabelAppKey",
		Description: "Meaning of the console label APPKEY; keep AppKey in Latin letters",
		Other:       "the AppKey: the key's number",
	}
)

// Step 3: the logo caigou makes from the company name.
var (
	LogoMake     = &goi18n.Message{ID: "LogoMake", Description: "Button: makes a plain square logo picture from the company name", Other: "Make a logo from the company name"}
	LogoSavedAs  = &goi18n.Message{ID: "LogoSavedAs", Description: "Above the path of the logo file caigou saved; the user uploads it with 单击上传", Other: "Saved. Upload this file with 单击上传:"}
	LogoCopyPath = &goi18n.Message{ID: "LogoCopyPath", Description: "Button: copies the logo file's path", Other: "Copy path"}
	LogoOpen     = &goi18n.Message{ID: "LogoOpen", Description: "Button: opens the folder that holds the logo file", Other: "Open folder"}
	LogoFailed   = &goi18n.Message{
		ID:          "LogoFailed",
		Description: "The logo could not be written to caigou's data folder",
		Other:       "caigou could not save the logo in its data folder. Check that the disk is not full, then try again.",
	}
	LogoOpenFailed = &goi18n.Message{
		ID:          "LogoOpenFailed",
		Description: "The folder of the logo could not be opened in the file manager",
		Other:       "The folder could not be opened. Copy the path and paste it into the upload window instead.",
	}
)
