package engine

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// TestReplay replays the lab side of a differential run recorded with POLICY_LAB_RECORD=file (see
// lib/policy-lab/differential) and requires the same answers, byte for byte apart from timings and
// handle numbers: engine changes that must not change any result are checked in seconds, without
// an apiserver. Every evaluate call is also replayed with keepDecoded, twice (the objects decoded,
// then from the cache of decoded objects), and must give the recorded answer each time.
//
//	POLICY_LAB_REPLAY=/tmp/record.json go test -run Replay .
func TestReplay(t *testing.T) {
	file := os.Getenv("POLICY_LAB_REPLAY")
	if file == "" {
		t.Skip("POLICY_LAB_REPLAY is not set")
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var calls []struct {
		Method  string          `json:"method"`
		Payload json.RawMessage `json:"payload"`
		Output  string          `json:"output"`
	}
	if err := json.Unmarshal(raw, &calls); err != nil {
		t.Fatal(err)
	}
	volatile := regexp.MustCompile(`"(elapsedUs|handle)":\d+`)
	normalize := func(b []byte) []byte { return volatile.ReplaceAll(b, []byte(`"$1":0`)) }
	handles := map[int]int{}
	differ := 0
	forgetDecodedObjects()
	for i, c := range calls {
		payloads := [][]byte{c.Payload}
		if c.Method == "evaluate" || c.Method == "release" {
			var p map[string]json.RawMessage
			if err := json.Unmarshal(c.Payload, &p); err != nil {
				t.Fatal(err)
			}
			var h int
			_ = json.Unmarshal(p["handle"], &h)
			p["handle"], _ = json.Marshal(handles[h])
			payload, _ := json.Marshal(p)
			payloads[0] = payload
			if c.Method == "evaluate" {
				p["keepDecoded"] = json.RawMessage("true")
				kept, _ := json.Marshal(p)
				payloads = append(payloads, kept, kept)
			}
		}
		for j, payload := range payloads {
			out := Call(c.Method, payload)
			if c.Method == "compile" {
				var was, now struct {
					Handle int `json:"handle"`
				}
				_ = json.Unmarshal([]byte(c.Output), &was)
				_ = json.Unmarshal(out, &now)
				handles[was.Handle] = now.Handle
			}
			// Some answers depend on Go's map order, in the apiserver as here (the cost of a
			// short-circuiting comprehension over a map, the order of a CRD's rules): such a call
			// passes when one of a few repetitions gives the recorded answer.
			for try := 0; try < 50 && !bytes.Equal(normalize(out), normalize([]byte(c.Output))); try++ {
				out = Call(c.Method, payload)
			}
			if !bytes.Equal(normalize(out), normalize([]byte(c.Output))) {
				differ++
				if differ <= 10 {
					t.Errorf("call %d (%s, %s) differs:\nrecorded: %.2000s\nnow:      %.2000s", i, c.Method, []string{"as recorded", "keepDecoded, decoding", "keepDecoded, cached"}[j], normalize([]byte(c.Output)), normalize(out))
				}
			}
		}
	}
	t.Logf("%d calls replayed, %d differ", len(calls), differ)
}
