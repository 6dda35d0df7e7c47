// Copyright ©2021 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"sync"
)

// xmempool holds compression buffers and zlib writers for reuse. cwo patch: it is a field of
// a Cache instead of a package variable, and its zero value is ready for use.
type xmempool struct {
	bufs sync.Pool // *membuffer

	// zwriters holds zlib writers for reuse. cwo patch 5: a new zlib writer allocates about
	// 1 MB (the deflate window and hash tables) and compress made one for every stream (each
	// page, font and image); Reset makes a used writer equivalent to a new one, so the bytes
	// are the same.
	zwriters sync.Pool // *zlib.Writer
}

// get returns an empty buffer that release gives back to the pool.
func (pool *xmempool) get() *membuffer {
	mem, _ := pool.bufs.Get().(*membuffer)
	if mem == nil {
		mem = &membuffer{pool: pool}
	}
	return mem
}

// zwriter returns a zlib writer of the level fpdf compresses at.
func (pool *xmempool) zwriter() *zlib.Writer {
	if zw, _ := pool.zwriters.Get().(*zlib.Writer); zw != nil {
		return zw
	}
	zw, err := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	if err != nil {
		panic(fmt.Errorf("could not create zlib writer: %w", err))
	}
	return zw
}

func (pool *xmempool) compress(data []byte) *membuffer {
	mem := pool.get()
	buf := &mem.buf
	buf.Grow(len(data))

	zw := pool.zwriter()
	defer pool.zwriters.Put(zw)
	zw.Reset(buf)
	_, err := zw.Write(data)
	if err != nil {
		panic(fmt.Errorf("could not zlib-compress slice: %w", err))
	}

	err = zw.Close()
	if err != nil {
		panic(fmt.Errorf("could not close zlib writer: %w", err))
	}
	return mem
}

func (pool *xmempool) uncompress(data []byte) (*membuffer, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}

	mem := pool.get()
	mem.buf.Reset()

	_, err = mem.buf.ReadFrom(zr)
	if err != nil {
		mem.release()
		return nil, err
	}

	return mem, nil
}

type membuffer struct {
	buf  bytes.Buffer
	pool *xmempool // cwo patch: the pool release gives it back to
}

func (mem *membuffer) bytes() []byte { return mem.buf.Bytes() }
func (mem *membuffer) release() {
	mem.buf.Reset()
	mem.pool.bufs.Put(mem)
}

func (mem *membuffer) copy() []byte {
	src := mem.bytes()
	dst := make([]byte, len(src))
	copy(dst, src)
	return dst
}
