// Importing a command module registers it (see registerCommand in run.ts).
import './version.ts';
import './dump.ts';
import './ca.ts';
import './sign.ts';
import './revoke.ts';
import './crl.ts';
import './csr.ts';
import './k8s.ts';
import './cluster-pki.ts';
import './expiry.ts';
import './verify.ts';
import './lint.ts';
import './p12.ts';
