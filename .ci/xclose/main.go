// Command xclose asks an X11 window to close the way a window manager's close button does: it
// sends WM_DELETE_WINDOW. The smoke test needs it because Xvfb runs no window manager, and
// `xdotool windowclose` destroys the window under the program instead of asking it to close.
package main

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>

static int send_delete(Display *d, Window w) {
	XEvent ev = {0};
	ev.xclient.type = ClientMessage;
	ev.xclient.window = w;
	ev.xclient.message_type = XInternAtom(d, "WM_PROTOCOLS", False);
	ev.xclient.format = 32;
	ev.xclient.data.l[0] = XInternAtom(d, "WM_DELETE_WINDOW", False);
	ev.xclient.data.l[1] = CurrentTime;
	Status ok = XSendEvent(d, w, False, NoEventMask, &ev);
	XFlush(d);
	return ok;
}
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xclose WINDOW-ID")
		os.Exit(2)
	}
	id, err := strconv.ParseUint(os.Args[1], 0, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "xclose: bad window id:", err)
		os.Exit(2)
	}
	display := C.XOpenDisplay(nil)
	if display == nil {
		fmt.Fprintln(os.Stderr, "xclose: cannot open display", os.Getenv("DISPLAY"))
		os.Exit(1)
	}
	defer C.XCloseDisplay(display)
	if C.send_delete(display, C.Window(id)) == 0 {
		fmt.Fprintln(os.Stderr, "xclose: XSendEvent failed")
		os.Exit(1)
	}
}
