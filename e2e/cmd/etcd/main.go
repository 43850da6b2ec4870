// Command etcd is the etcd server of the test control plane: etcd's own entry point
// (go.etcd.io/etcd/server/v3/etcdmain), built at the version kube-apiserver v1.36 requires.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
