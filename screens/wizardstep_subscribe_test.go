package screens

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
)

// atStep shows the page of step id with the steps before it done.
func (h *wizardHarness) atStep(id app.StepID) {
	h.t.Helper()
	h.tick("Done")
	for h.stepID() != id {
		h.tap("Next")
		if h.stepID() != id {
			h.tick("Done")
		}
	}
}

func TestSubscribeStepTickedEnablesNextAndIsSaved(t *testing.T) {
	h := newWizardHarness(t)
	var opened []string
	h.s.openURL = func(u string) error { opened = append(opened, u); return nil }
	h.atStep(app.StepSubscribe)
	assert.True(t, h.shows("订购"), "the console's button is named in Chinese")
	assert.True(t, h.shows("已订购"))
	assert.True(t, findButton(h.content(), "Next").Disabled())

	h.tap("Open this page")
	assert.Equal(t, []string{solutionPageURL}, opened)

	h.tick("Done")
	assert.False(t, findButton(h.content(), "Next").Disabled())
	assert.Equal(t, app.StepDone, h.s.stepState(app.StepSubscribe).State)
	resume, err := h.app.Wizard(h.s.keyID).Resume(context.Background())
	require.NoError(t, err)
	assert.Equal(t, app.StepDescribe, resume, "the wizard reopens after the ticked step")
}

func TestDescribeStepMakesALogoInTheDataFolder(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "data")
	h := newWizardHarnessIn(t, dataDir)
	var opened []string
	h.s.openURL = func(u string) error { opened = append(opened, u); return nil }
	h.atStep(app.StepDescribe)
	h.typeInto(0, "义乌小商品贸易有限公司")

	h.tap("Make a logo from the company name")
	path := filepath.Join(dataDir, "logo.png")
	img := decodePNG(t, path)
	assert.Equal(t, logoSide, img.Bounds().Dx())
	assert.Equal(t, logoSide, img.Bounds().Dy())
	assert.True(t, h.shows(path), "the page shows where the logo is")

	h.tap("Copy path")
	assert.Equal(t, path, fyne.CurrentApp().Clipboard().Content())
	h.tap("Open folder")
	assert.Equal(t, []string{folderURL(dataDir)}, opened)
}

func TestDescribeStepKeepsCompanyAndDescriptionAcrossARevisit(t *testing.T) {
	h := newWizardHarness(t)
	h.atStep(app.StepDescribe)
	h.typeInto(0, "Acme Trading")
	h.typeInto(1, "We buy clothes on 1688 for our shop.")
	h.tick("Done")
	assert.False(t, findButton(h.content(), "Next").Disabled())

	h.s.goTo(app.StepBefore)
	h.s.goTo(app.StepDescribe)
	es := h.entries()
	require.Len(t, es, 2)
	assert.Equal(t, "Acme Trading", es[0].Text)
	assert.Equal(t, "We buy clothes on 1688 for our shop.", es[1].Text)
	assert.Equal(t, map[string]string{"company": "Acme Trading", "description": "We buy clothes on 1688 for our shop."},
		h.s.stepState(app.StepDescribe).Inputs)
}

func TestDescribeStepWithoutACompanyNameMakesNoLogo(t *testing.T) {
	dataDir := t.TempDir()
	h := newWizardHarnessIn(t, dataDir)
	h.atStep(app.StepDescribe)
	h.typeInto(0, "   ")

	h.tap("Make a logo from the company name")
	assert.True(t, h.shows(app.ExplainInputError(app.ErrInputEmpty)), "the page asks for the company name")
	assert.Equal(t, h.entries()[0], h.win.Canvas().Focused(), "the company field is ready to type in")
	assert.NoFileExists(t, filepath.Join(dataDir, "logo.png"))
}

func TestDescribeStepSaysWhenTheLogoCannotBeSaved(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "a file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o600))
	h := newWizardHarnessIn(t, filepath.Join(blocker, "data"))
	h.atStep(app.StepDescribe)
	h.typeInto(0, "Acme")

	h.tap("Make a logo from the company name")
	assert.True(t, h.shows("could not save the logo"))
	assert.Nil(t, findButton(h.content(), "Copy path"))
}
