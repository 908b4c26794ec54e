package screens

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"caigou/app"
	"caigou/i18n"
)

// The step's inputs, kept with the step when it is ticked done.
const (
	inputCompany     = "company"
	inputDescription = "description"
)

// describePage is step 3: the solution's order form. The user may draft the company name and
// what the business does here and copy them, and caigou makes a logo for a company that has
// none. The form itself is filled in the console, so the user ticks the step done.
type describePage struct {
	s *wizardScreen

	company      *widget.Entry
	description  *textArea
	companyError *widget.Label
	logoProblem  *widget.Label
	logo         *fyne.Container // the saved logo: preview, path and buttons
}

func newDescribePage(s *wizardScreen) stepPage { return &describePage{s: s} }

func (p *describePage) build() fyne.CanvasObject {
	in := p.s.stepState(app.StepDescribe).Inputs
	p.company = &widget.Entry{Text: in[inputCompany], PlaceHolder: i18n.T(i18n.DescribeCompanyPlaceholder, nil)}
	p.description = newTextArea(in[inputDescription], i18n.T(i18n.DescribeFunctionPlaceholder, nil), 3)
	p.companyError = inputError()
	p.logoProblem = inputError()
	p.logo = container.NewVBox()
	if path := filepath.Join(p.s.app.DataDir(), logoFile); p.logoSaved(path) {
		p.showLogo(path, canvas.NewImageFromFile(path))
	}
	makeLogo := &widget.Button{Text: i18n.T(i18n.LogoMake, nil), Icon: theme.MediaPhotoIcon(), OnTapped: p.onMakeLogo}

	return container.NewVBox(
		para(i18n.T(i18n.DescribeIntro, nil)),
		instructionList(
			[]fyne.CanvasObject{
				para(i18n.T(i18n.DescribeCompany, nil)),
				p.withCopy(p.company, &p.company.Text),
				p.companyError,
			},
			[]fyne.CanvasObject{
				para(i18n.T(i18n.DescribeFunction, nil)),
				consoleLabel("功能描述", i18n.DescribeLabelFunction),
				p.withCopy(p.description, &p.description.Text),
			},
			[]fyne.CanvasObject{
				para(i18n.T(i18n.DescribeLogo, nil)),
				consoleLabel("应用图标", i18n.DescribeLabelIcon),
				consoleLabel("单击上传", i18n.DescribeLabelUpload),
				container.NewHBox(makeLogo),
				p.logoProblem,
				p.logo,
			},
			[]fyne.CanvasObject{
				para(i18n.T(i18n.DescribeAgreement, nil)),
				consoleLabel("《阿里巴巴开放平台合作伙伴开发协议》", i18n.DescribeLabelAgreement),
			},
			[]fyne.CanvasObject{para(i18n.T(i18n.DescribeSubmit, nil)), consoleLabel("订购解决方案", i18n.DescribeLabelSubmit)},
			[]fyne.CanvasObject{
				para(i18n.T(i18n.DescribeResult, nil)),
				consoleLabel("订购成功", i18n.DescribeLabelSuccess),
				consoleLabel("生效时间", i18n.DescribeLabelValidity),
				consoleLabel("APPKEY", i18n.DescribeLabelAppKey),
			},
		),
		p.s.doneCheck(app.StepDescribe, i18n.DescribeDone, p.inputs, nil),
	)
}

// withCopy puts a Copy button beside an entry whose text the user pastes into the form.
func (p *describePage) withCopy(field fyne.CanvasObject, text *string) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, p.s.copyButton(func() string { return strings.TrimSpace(*text) }), field)
}

// inputs are kept with the step, so that a revisit shows what the user wrote.
func (p *describePage) inputs() map[string]string {
	return map[string]string{
		inputCompany:     strings.TrimSpace(p.company.Text),
		inputDescription: strings.TrimSpace(p.description.Text),
	}
}

// onMakeLogo makes a logo from the company name and saves it in the data folder, where the
// user picks it with 单击上传. Drawing and writing a 512-pixel picture takes a moment at most,
// and the painter must run on the event goroutine, so it is done here.
func (p *describePage) onMakeLogo() {
	name := strings.TrimSpace(p.company.Text)
	if name == "" {
		showInputError(p.companyError, app.ErrInputEmpty)
		p.s.win.Canvas().Focus(p.company)
		return
	}
	showInputError(p.companyError, nil)
	img := renderLogo(name)
	path, err := saveLogo(p.s.app.DataDir(), img)
	if err != nil {
		p.s.logError("save the logo", err)
		p.showLogoProblem(i18n.LogoFailed)
		return
	}
	p.logoProblem.Hide()
	p.showLogo(path, canvas.NewImageFromImage(img))
}

// showLogo shows the saved logo small, with its path to copy and a way to its folder.
func (p *describePage) showLogo(path string, preview *canvas.Image) {
	preview.FillMode = canvas.ImageFillContain
	preview.SetMinSize(fyne.NewSquareSize(96))
	shown := &widget.Label{Text: path, Selectable: true, Wrapping: fyne.TextWrapBreak, TextStyle: fyne.TextStyle{Monospace: true}}
	copyPath := &widget.Button{Text: i18n.T(i18n.LogoCopyPath, nil), Icon: theme.ContentCopyIcon(), OnTapped: func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
	}}
	open := &widget.Button{Text: i18n.T(i18n.LogoOpen, nil), Icon: theme.FolderOpenIcon(), OnTapped: func() {
		if err := p.s.openURL(folderURL(filepath.Dir(path))); err != nil {
			p.s.logError("open the logo's folder", err)
			p.showLogoProblem(i18n.LogoOpenFailed)
		}
	}}
	about := container.NewVBox(para(i18n.T(i18n.LogoSavedAs, nil)), shown, container.NewHBox(copyPath, open))
	p.logo.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, container.NewVBox(preview), nil, about)}
	p.logo.Refresh()
}

func (p *describePage) showLogoProblem(msg *i18n.Message) {
	p.logoProblem.SetText(i18n.T(msg, nil))
	p.logoProblem.Show()
}

// logoSaved reports whether an earlier visit saved a logo, to show it again.
func (p *describePage) logoSaved(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}
