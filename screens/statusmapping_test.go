package screens

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"caigou/app"
	"caigou/storage/storagetest"
)

// mappingRows are the status mapping's rows on screen, by their 1688 status code.
func mappingRows(o fyne.CanvasObject) map[string]*fyne.Container {
	rows := map[string]*fyne.Container{}
	walk(o, func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 3 {
			return
		}
		left, ok := c.Objects[1].(*fyne.Container)
		if !ok || len(left.Objects) != 2 {
			return
		}
		if code, ok := left.Objects[1].(*widget.Label); ok && code.TextStyle.Monospace {
			rows[code.Text] = c
		}
	})
	return rows
}

func mappingSelect(t *testing.T, o fyne.CanvasObject, status string) *widget.Select {
	t.Helper()
	row := mappingRows(o)[status]
	require.NotNil(t, row, "no row for %s", status)
	_, _, own := statusRowParts(row)
	return own.(*widget.Select)
}

func ownStatusOf(t *testing.T, a *app.App, status string) string {
	t.Helper()
	m, err := a.StatusMapping(context.Background())
	require.NoError(t, err)
	for _, r := range m {
		if r.Status == status {
			return r.OwnStatus
		}
	}
	return ""
}

func TestSettingsStatusMappingSavesAChange(t *testing.T) {
	shell, w, core := newTestShell(t)
	shell.openSettings(settingsTabStatus)
	assert.Len(t, mappingRows(w.Content()), 12, "every status of the mapping is shown")
	assert.Contains(t, visibleTexts(w.Content()), "Changes apply to all orders at once.")

	sel := mappingSelect(t, w.Content(), "waitbuyerpay")
	assert.Equal(t, "Paid", sel.Selected)
	assert.Equal(t, []string{"Paid", "Ordered", "Received", "Unable to deliver"}, sel.Options)
	sel.SetSelected("Ordered")
	assert.Equal(t, "ordered", ownStatusOf(t, core, "waitbuyerpay"))
	assert.Equal(t, "ordered", ownStatusOf(t, core, "waitsellersend"), "other rows are left alone")

	shell.Navigate(pageOrders)
	shell.Navigate(pageSettings) // Settings opens at the tab shown last
	assert.Equal(t, "Ordered", mappingSelect(t, w.Content(), "waitbuyerpay").Selected, "shown again as saved")
}

func TestSettingsStatusMappingPutsBackAChangeThatFailed(t *testing.T) {
	test.NewTempApp(t)
	resetLanguage(t)
	db := storagetest.OpenTemp(t)
	core := app.New(db, t.TempDir())
	w := test.NewTempWindow(t, nil)
	e := newStatusMappingEditor(core, w)
	w.SetContent(container.NewVScroll(e.build()))
	w.Resize(fyne.NewSize(900, 700))

	// The row disappears under the screen, so saving the change fails.
	_, err := db.SQL().ExecContext(context.Background(), "DELETE FROM status_map WHERE status = 'cancel'")
	require.NoError(t, err)
	sel := mappingSelect(t, w.Content(), "cancel")
	sel.SetSelected("Received")

	assert.Equal(t, "Unable to deliver", sel.Selected, "the saved value is put back")
	require.NotNil(t, e.failed)
	dlg := w.Canvas().Overlays().Top()
	require.NotNil(t, dlg)
	assert.Contains(t, visibleTexts(dlg), "The change could not be saved, so the mapping stays as it was. Check that the disk is not full, then try again.")
	assert.NotNil(t, findButton(dlg, "Close"))
}
