package screens

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// solutionPageURL is the page of 采购解决方案(买家自用版) on the 1688 open platform.
const solutionPageURL = "https://open.1688.com/solution/detail?key=1613638539385"

// solutionName is the solution's name as the console writes it.
const solutionName = "采购解决方案(买家自用版)"

// subscribePage is step 2: subscribing the buyer account to the solution. caigou cannot see the
// console, so the user ticks the step done.
type subscribePage struct{ s *wizardScreen }

func newSubscribePage(s *wizardScreen) stepPage { return &subscribePage{s: s} }

func (p *subscribePage) build() fyne.CanvasObject {
	return container.NewVBox(
		para(i18n.T(i18n.SubscribeIntro, nil)),
		consoleLabel(solutionName, i18n.SubscribeLabelSolution),
		instructionList(
			[]fyne.CanvasObject{para(i18n.T(i18n.SubscribeOpen, nil)), container.NewHBox(p.s.openPageButton(solutionPageURL))},
			[]fyne.CanvasObject{para(i18n.T(i18n.SubscribeOrange, nil))},
			[]fyne.CanvasObject{
				para(i18n.T(i18n.SubscribeOrder, nil)),
				consoleLabel("解决方案列表", i18n.SubscribeLabelList),
				consoleLabel("订购", i18n.SubscribeLabelOrder),
			},
			[]fyne.CanvasObject{para(i18n.T(i18n.SubscribeStatus, nil)), consoleLabel("已订购", i18n.SubscribeLabelOrdered)},
		),
		p.s.doneCheck(app.StepSubscribe, i18n.SubscribeDone, nil, nil),
	)
}

// instructionList numbers the instructions of a console page 1, 2, 3…; each is its text
// followed by what belongs to it: console labels, buttons, fields.
func instructionList(steps ...[]fyne.CanvasObject) *fyne.Container {
	list := container.NewVBox()
	for i, parts := range steps {
		number := &widget.Label{Text: strconv.Itoa(i+1) + ".", TextStyle: fyne.TextStyle{Bold: true}}
		list.Add(container.NewBorder(nil, nil, container.NewVBox(number), nil, container.NewVBox(parts...)))
	}
	return list
}
