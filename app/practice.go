package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"caigou/app/sim"
	"caigou/storage"
)

// PracticeFolder is the folder inside the data folder that holds practice mode's own database.
// It exists only while practice mode runs.
const PracticeFolder = "practice"

// Errors of practice mode.
var (
	// ErrPracticeRunning is returned by StartPractice while practice mode already runs over the
	// same data folder: starting again would delete the folder the running one writes to.
	ErrPracticeRunning = errors.New("practice mode is already running")
	// ErrNoDataFolder is returned by StartPractice without a data folder: the practice folder
	// would land, and later be deleted, wherever the process happens to run.
	ErrNoDataFolder = errors.New("practice mode needs a data folder")
)

// practiceShutdownWait bounds the simulator's orderly stop when practice mode is left; after it
// the simulator is closed hard, so leaving never hangs on a stuck request.
const practiceShutdownWait = 2 * time.Second

// runningPractice holds the practice folders in use in this process, so that a second
// StartPractice cannot mistake a live folder for a crash's leftover and delete it.
var runningPractice = struct {
	sync.Mutex
	dirs map[string]bool
}{dirs: map[string]bool{}}

// DemoKey is what the wizard shows in practice mode for the user to copy, in the places the
// 1688 console would show the real values.
type DemoKey struct {
	AppKey    string
	AppSecret string
	Token     string // the 已授权token of LoginID
	LoginID   string
}

// Practice is a running practice mode: the built-in 1688 simulator with its demo world, and an
// App over a database of its own, so nothing done while practising reaches the real data.
type Practice struct {
	sim *sim.Sim
	db  *storage.DB
	app *App
	dir string

	closeOnce sync.Once
	closeErr  error
}

// StartPractice starts the simulator in this process with the demo world and opens a fresh
// database in dataDir/practice. A practice folder left by a crash is deleted first, so every
// practice run starts clean. Close ends practice mode and deletes the folder.
func StartPractice(ctx context.Context, dataDir string) (*Practice, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if dataDir == "" {
		return nil, ErrNoDataFolder
	}
	dir, err := filepath.Abs(filepath.Join(dataDir, PracticeFolder))
	if err != nil {
		return nil, fmt.Errorf("practice folder: %w", err)
	}
	if err := claimPracticeDir(dir); err != nil {
		return nil, err
	}
	p, err := startPractice(dataDir, dir)
	if err != nil {
		releasePracticeDir(dir)
		return nil, err
	}
	return p, nil
}

func startPractice(dataDir, dir string) (*Practice, error) {
	// No practice mode runs over this folder in this process, so whatever is there is a
	// crash's leftover.
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("remove the last practice run's data: %w", err)
	}
	s, err := sim.Start(sim.Options{Seed: true})
	if err != nil {
		return nil, fmt.Errorf("start the 1688 simulator: %w", err)
	}
	db, err := storage.Open(dir)
	if err != nil {
		return nil, errors.Join(err, s.Close(), os.RemoveAll(dir))
	}
	return &Practice{sim: s, db: db, app: newPracticeApp(db, dataDir), dir: dir}, nil
}

// newPracticeApp is an App over the practice database. Its locales come from the real data
// folder; its secrets are demo values and go to the practice database, never to the keychain,
// where they would outlive practice mode and could shadow a real key's entries.
func newPracticeApp(db *storage.DB, dataDir string) *App {
	return &App{db: db, dataDir: dataDir, secrets: newDatabaseSecrets(db)}
}

// newDatabaseSecrets is a Secrets that keeps everything in the database. It starts in the state
// a Secrets reaches after the keychain failed, so it never probes, writes or reads the keychain;
// the real path through NewSecrets is unchanged.
func newDatabaseSecrets(db *storage.DB) *Secrets {
	return &Secrets{db: db, probed: true, fallback: true}
}

// App is the core over the practice database, for the screens to use while practising.
func (p *Practice) App() *App { return p.app }

// GatewayURL is the simulator's gateway, for the wizard's key and token checks.
func (p *Practice) GatewayURL() string { return p.sim.URL() }

// ChannelURL is the simulator's message channel, for the wizard's channel and test-message
// checks.
func (p *Practice) ChannelURL() string { return p.sim.ChannelURL() }

// Demo is the demo key of the simulator's world.
func (p *Practice) Demo() DemoKey {
	return DemoKey{
		AppKey: sim.DemoAppKey, AppSecret: sim.DemoAppSecret,
		Token: sim.DemoAccessToken, LoginID: sim.DemoBuyerLogin,
	}
}

// Dir is the practice folder, deleted by Close.
func (p *Practice) Dir() string { return p.dir }

// SendTestMessages pushes n test messages (msgSource MOCK) to the demo key, as the console's
// 去测试 button does; the wizard's step 9 offers it in practice mode. Messages pushed before the
// wizard listens are delivered when it connects.
func (p *Practice) SendTestMessages(n int) error {
	for range n {
		// An empty Type makes the simulator send the console's sample order message.
		if _, err := p.sim.Channel().PushMock(sim.DemoAppKey, sim.Message{UserInfo: sim.DemoBuyer}); err != nil {
			return fmt.Errorf("send a practice test message: %w", err)
		}
	}
	return nil
}

// Close ends practice mode: it stops the simulator, closes the practice database and deletes the
// practice folder. Stop whatever uses App (message channels, syncs) first. Later calls return the
// first call's result.
func (p *Practice) Close() error {
	p.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), practiceShutdownWait)
		defer cancel()
		simErr := p.sim.Shutdown(ctx)
		if simErr != nil {
			simErr = p.sim.Close()
		}
		dbErr := p.db.Close()
		// The folder goes even when closing failed: a leftover would be removed by the next
		// StartPractice anyway, and practice data must not linger until then.
		rmErr := os.RemoveAll(p.dir)
		releasePracticeDir(p.dir)
		if rmErr != nil {
			rmErr = fmt.Errorf("remove the practice data: %w", rmErr)
		}
		p.closeErr = errors.Join(simErr, dbErr, rmErr)
	})
	return p.closeErr
}

func claimPracticeDir(dir string) error {
	runningPractice.Lock()
	defer runningPractice.Unlock()
	if runningPractice.dirs[dir] {
		return ErrPracticeRunning
	}
	runningPractice.dirs[dir] = true
	return nil
}

func releasePracticeDir(dir string) {
	runningPractice.Lock()
	defer runningPractice.Unlock()
	delete(runningPractice.dirs, dir)
}
