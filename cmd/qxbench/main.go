// Command qxbench measures one HTTP request against a peer, side by side on
// one machine (issue 14: the registry API against another server's list of
// the same rows).
//
//	qxbench seed --db FILE --projects 10000 --year 2023 --rows rows.jsonl
//
// fills an empty database with a city of N projects and twelve months of
// reports (demo.FillScale), issues an API token for the city's campaign
// office (zhb) and prints it, and writes the plan's rows, one JSON object a
// line, for the peer to load the same data.
//
//	qxbench run --a name=URL --a-pid PID --a-auth 'Bearer …' \
//	            --b name=URL --b-pid PID --b-auth '…' --clients 64
//
// fires --clients concurrent clients at the two URLs in alternating rounds
// (a, b, a, b …), so both servers meet the same machine load, and reports
// for each the requests per second, the latency percentiles and the CPU
// time its server process spent per request (utime+stime from
// /proc/PID/stat, read around each round). Any answer but 200 counts as an
// error and fails the run.
//
//	qxbench peer --pocketbase BIN --rows rows.jsonl --dir DIR [--addr 127.0.0.1:8090]
//
// starts a PocketBase binary the user supplies on a new data directory,
// creates a superuser with its CLI, and through its HTTP API enables batch
// requests, creates the projects collection (seed's columns, the list's two
// indexes, lists for signed-in users), loads the rows and creates a user; it
// prints pid=, url= and token= (the user's) for run's --b flags and leaves
// PocketBase running (--wait: until SIGINT or SIGTERM, then stops it).
//
//	qxbench same --a URL --a-auth H --b URL --b-auth H
//
// checks that two list answers hold the same projects (code and name) in
// the same order and the same total, before run measures them.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "seed":
		err = seed(os.Args[2:])
	case "run":
		err = run(os.Args[2:])
	case "peer":
		err = peer(os.Args[2:])
	case "same":
		err = same(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "qxbench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: qxbench seed --db FILE [--projects N --year Y --rows FILE]\n       qxbench run --a name=URL --a-pid PID [--a-auth H] --b name=URL --b-pid PID [--b-auth H] [--clients 64 --round 5s --rounds 6]\n       qxbench peer --pocketbase BIN --rows FILE --dir DIR [--addr 127.0.0.1:8090 --batch 500 --wait]\n       qxbench same --a URL [--a-auth H] --b URL [--b-auth H]")
	os.Exit(2)
}
