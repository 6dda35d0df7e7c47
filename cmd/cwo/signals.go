package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// stopSignals stop a command the same way: Ctrl-C (SIGINT), and SIGTERM, which Kubernetes, CI
// runners and kill send. A render stops taking new documents, finishes or discards those in
// progress, writes its manifest and releases its lock.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM}

// stopped is the cause of the command's context when a signal stopped it.
type stopped struct{ sig syscall.Signal }

func (s stopped) Error() string { return "stopped by " + signalName(s.sig) }

// withStopSignals returns ctx, cancelled with cause stopped when the process receives one of
// stopSignals. stop unregisters the signals, giving them back their default effect.
func withStopSignals(parent context.Context) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, stopSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			sig, _ := s.(syscall.Signal)
			cancel(stopped{sig})
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// stopSignal returns the signal that stopped ctx; SIGINT when ctx was cancelled otherwise.
func stopSignal(ctx context.Context) syscall.Signal {
	var s stopped
	if errors.As(context.Cause(ctx), &s) {
		return s.sig
	}
	return syscall.SIGINT
}

// interruptedCode is the exit code of a command stopped by a signal: 128 plus its number, as
// shells report it (130 for SIGINT, 143 for SIGTERM).
func interruptedCode(ctx context.Context) int { return 128 + int(stopSignal(ctx)) }

// interruptedText says what stopped the command, for its last message.
func interruptedText(ctx context.Context) string {
	return "interrupted by " + signalName(stopSignal(ctx))
}

// signalName is the conventional name of the signals cwo handles ("SIGTERM").
func signalName(sig syscall.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return sig.String()
}
