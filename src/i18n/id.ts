/** Bahasa Indonesia — the default language and the source of every message key. */
export const id = {
  'common.yes': 'Ya',
  'common.no': 'Tidak',
  'common.yes_save': 'Ya, simpan',
  'common.no_change': 'Ubah data',
  'common.none': '(tidak ada)',
  'common.done': '✅ Selesai',
  'common.which_to_change': 'Bagian mana yang ingin diubah?',
  'common.back_to_menu': 'Kembali ke menu',

  'start.welcome':
    'Selamat datang di *PesanDesa* 👋\nTempat desa memesan barang & jasa dari usaha lokal, langsung lewat chat.\n\nAnda mendaftar sebagai apa?',
  'start.role_vendor': 'Penyedia / pemilik usaha',
  'start.role_officer': 'Perangkat desa',

  'task.generic': 'isian ini',
  'task.vendor_reg': 'pendaftaran usaha',
  'task.officer_reg': 'pendaftaran perangkat desa',

  'vendor.ask_business_name': 'Apa nama usaha Anda?\nContoh: Toko Bangunan Sumber Rejeki',
  'vendor.ask_owner_name': 'Siapa nama pemilik usaha?',
  'vendor.ask_phone': 'Ketik nomor HP usaha yang bisa dihubungi.\nContoh: 0812 3456 7890',
  'vendor.ask_phone_known': 'Nomor HP untuk dihubungi: {phone}.\nPakai nomor ini?',
  'vendor.phone_use_this': 'Ya, pakai nomor ini',
  'vendor.phone_other': 'Pakai nomor lain',
  'vendor.ask_categories':
    'Usaha Anda menjual apa? Pilih nomornya, boleh lebih dari satu.\nContoh: *1, 3, 5*',
  'vendor.categories_chosen': 'Sudah dipilih: {list}',
  'vendor.categories_hint': 'Ketik nomor kategori, pisahkan dengan koma. Contoh: *1, 3*',
  'vendor.categories_none': 'Pilih minimal satu kategori dulu.',
  'vendor.ask_nib': 'Nomor Induk Berusaha (NIB), jika ada — 13 angka.\nKetik *lewati* jika belum punya.',
  'vendor.summary':
    'Periksa data usaha Anda:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, Kec. {district}\n🧾 NIB: {nib}\n\nSudah benar?',
  'vendor.registered':
    'Terima kasih! *{business}* sudah terdaftar ✅\nAdmin kabupaten akan memeriksa data Anda. Sementara itu Anda sudah bisa menerima info kebutuhan desa.',
  'vendor.field_business': 'Nama usaha',
  'vendor.field_owner': 'Nama pemilik',
  'vendor.field_phone': 'Nomor HP',
  'vendor.field_categories': 'Kategori',
  'vendor.field_location': 'Lokasi',
  'vendor.field_nib': 'NIB',

  'officer.ask_name': 'Siapa nama lengkap Anda?',
  'officer.ask_position': 'Apa jabatan Anda di desa?',
  'officer.ask_invite':
    'Ketik *kode undangan* dari admin kabupaten.\nBelum punya? Ketik *lewati* — admin akan memeriksa data Anda.',
  'officer.invite_unknown': 'Kode undangan tidak dikenal. Periksa lagi, atau ketik *lewati*.',
  'officer.invite_used': 'Kode undangan ini sudah dipakai. Minta kode baru ke admin, atau ketik *lewati*.',
  'officer.invite_expired':
    'Kode undangan ini sudah kedaluwarsa. Minta kode baru ke admin, atau ketik *lewati*.',
  'officer.invite_other_village': 'Kode undangan ini untuk desa lain. Periksa lagi, atau ketik *lewati*.',
  'officer.summary':
    'Periksa data Anda:\n\n👤 {name}\n🏛️ {position}\n📍 Desa {village}, Kec. {district}\n🔑 Kode undangan: {invite}\n\nSudah benar?',
  'officer.registered_verified':
    'Terima kasih! Akun Anda sudah aktif ✅\nAnda bisa langsung membuat kebutuhan desa.',
  'officer.registered_pending':
    'Terima kasih! Data Anda sudah kami terima 🙏\nAkun Anda *menunggu verifikasi* admin kabupaten. Kami kabari lewat chat ini setelah diperiksa.',
  'officer.field_name': 'Nama',
  'officer.field_village': 'Desa',
  'officer.field_position': 'Jabatan',
  'officer.field_invite': 'Kode undangan',

  'position.kepala_desa': 'Kepala Desa',
  'position.sekdes': 'Sekretaris Desa',
  'position.kasi': 'Kepala Seksi (Kasi)',
  'position.kaur': 'Kepala Urusan (Kaur)',
  'position.tpk': 'Anggota TPK',
  'position.lainnya': 'Lainnya',

  'location.ask_regency': 'Di kabupaten mana?',
  'location.ask_district': 'Di kecamatan mana?',
  'location.ask_village': 'Di desa/kelurahan mana?',
  'location.ask_desa': 'Di desa mana?',

  'menu.officer_title': 'Menu utama — apa yang ingin Anda lakukan?',
  'menu.vendor_title': 'Menu utama — apa yang ingin Anda lakukan?',
  'menu.post_need': 'Buat kebutuhan baru',
  'menu.my_needs': 'Kebutuhan saya',
  'menu.officer_orders': 'Pesanan & penerimaan',
  'menu.open_tenders': 'Tender terbuka untuk saya',
  'menu.my_quotes': 'Penawaran saya',
  'menu.my_orders': 'Pesanan saya',
  'menu.profile': 'Profil saya',
  'menu.help': 'Bantuan',
  'menu.coming_soon': '*{feature}* segera hadir. Kami kabari jika sudah bisa dipakai 🙏',

  'profile.vendor':
    'Profil usaha:\n\n🏪 {business}\n👤 {owner}\n📞 {phone}\n📦 {categories}\n📍 {village}, Kec. {district}\n🌙 Jam tenang: {quiet}\n✔️ Status: {status}\n🌐 Bahasa: {language}',
  'profile.officer':
    'Profil Anda:\n\n👤 {name}\n🏛️ {position}\n📍 Desa {village}, Kec. {district}\n✔️ Status: {status}\n🌐 Bahasa: {language}',
  'profile.none': 'Anda belum terdaftar.',
  'profile.change_categories': 'Ubah kategori',
  'profile.change_location': 'Ubah lokasi',
  'profile.change_quiet': 'Ubah jam tenang',
  'profile.change_language': 'Ganti bahasa',
  'profile.ask_quiet':
    'Jam berapa Anda tidak mau dikirimi info tender? Pesan akan ditahan sampai jam tenang selesai.\nContoh: *21-6* (jam 21.00 sampai 06.00). Ketik *tidak ada* untuk mematikan.',
  'profile.quiet_off': 'tidak ada',
  'profile.saved': 'Tersimpan ✅',

  'verification.pending': 'menunggu verifikasi',
  'verification.verified': 'terverifikasi',
  'verification.rejected': 'ditolak',

  'language.ask': 'Pilih bahasa / Choose a language:',
  'language.changed': 'Bahasa diganti ke Bahasa Indonesia.',

  'resume.ask': 'Anda belum menyelesaikan {task}. Lanjutkan?',
  'resume.continue': 'Ya, lanjutkan',
  'resume.restart': 'Mulai lagi dari awal',

  'cancel.confirm': 'Batalkan {task}? Jawaban yang sudah diisi akan hilang.',
  'cancel.yes': 'Ya, batalkan',
  'cancel.no': 'Tidak, lanjutkan',
  'cancel.done': 'Dibatalkan.',
  'cancel.nothing': 'Tidak ada yang perlu dibatalkan.',
  'back.first_step': 'Ini sudah pertanyaan pertama.',

  'hint.choose_number': 'Maaf, pilihan itu tidak ada. Ketik nomor 1 sampai {max}.',
  'hint.ambiguous': 'Maksud Anda yang mana: {options}? Ketik nomornya.',
  'hint.type_text': 'Mohon jawab dengan mengetik pesan.',
  'hint.name': 'Mohon tulis nama dengan huruf, 2 sampai 100 karakter.',
  'hint.phone': 'Nomor HP belum benar. Contoh: 0812 3456 7890',
  'hint.nib': 'NIB terdiri dari 13 angka. Ketik *lewati* jika belum punya.',
  'hint.quiet': 'Belum bisa dibaca. Contoh: *21-6* atau *22.00-05.30*. Ketik *tidak ada* untuk mematikan.',
  'hint.stuck':
    'Sepertinya ada yang membingungkan. Ketik *bantuan* untuk petunjuk, atau *menu* untuk kembali ke menu utama.',

  'help.generic':
    'Jawab pertanyaan di bawah dengan mengetik, atau ketik nomor pilihannya.\nPerintah yang selalu bisa dipakai: *menu*, *kembali*, *batal*, *bantuan*, *bahasa*.',
  'help.start':
    'Pilih *1* jika Anda punya usaha dan ingin menerima pesanan dari desa. Pilih *2* jika Anda perangkat desa yang membeli untuk desa.',
  'help.menu':
    'Ketik nomor menu yang Anda inginkan. Ketik *kembali* atau *batal* kapan saja di tengah isian.',
  'help.vendor_business_name': 'Tulis nama usaha seperti di papan nama atau nota Anda.',
  'help.phone': 'Nomor ini dipakai desa untuk menghubungi Anda tentang pesanan. Bisa diawali 08 atau +62.',
  'help.categories':
    'Kategori menentukan info kebutuhan yang Anda terima. Ketik beberapa nomor sekaligus, dipisah koma. Bisa diubah nanti lewat *Profil saya*.',
  'help.location': 'Lokasi dipakai untuk mengutamakan usaha terdekat. Ketik nomor atau nama dari daftar.',
  'help.nib': 'NIB adalah nomor izin usaha dari OSS. Tidak wajib untuk mendaftar.',
  'help.invite':
    'Kode undangan diberikan admin kabupaten atau pendamping desa agar akun langsung aktif. Tanpa kode, admin memeriksa data Anda dulu.',
  'help.quiet': 'Selama jam tenang kami tidak mengirim info tender; pesan dikirim pagi harinya.',

  'media.unsupported': 'Maaf, {kind} belum bisa kami baca di sini. Mohon jawab dengan mengetik.',
  'media.photo': 'foto',
  'media.document': 'dokumen',
  'media.voice': 'pesan suara',
  'media.video': 'video',
  'media.sticker': 'stiker',

  'policy.suspended': 'Maaf, akun Anda sedang dinonaktifkan. Silakan hubungi admin kabupaten.',
  'policy.not_officer': 'Menu ini khusus perangkat desa.',
  'policy.officer_pending':
    'Akun Anda masih *menunggu verifikasi* admin kabupaten. Setelah diverifikasi, Anda bisa membuat kebutuhan.',
  'policy.officer_rejected': 'Pendaftaran Anda belum disetujui admin. Silakan hubungi admin kabupaten.',
  'policy.not_vendor': 'Menu ini khusus penyedia/usaha.',
  'policy.vendor_rejected': 'Pendaftaran usaha Anda belum disetujui admin. Silakan hubungi admin kabupaten.',

  'error.generic': 'Maaf, ada gangguan di sistem kami. Silakan kirim lagi sebentar lagi, atau ketik *menu*.',
} as const;
