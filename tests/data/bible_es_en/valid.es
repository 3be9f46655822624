Yo os he entregado, como lo había dicho á Moisés, todo lugar que pisare la planta de vuestro pie.
He aquí, el arca del pacto del Señoreador de toda la tierra pasa el Jordán delante de vosotros.
Declararéis á vuestros hijos, diciendo: Israel pasó en seco por este Jordán.
Y Jehová dijo á Josué: Levántate; ¿por qué te postras así sobre tu rostro?
Y los hombres de Israel tomaron de su provisión del camino, y no preguntaron á la boca de Jehová.
Y de Maceda pasó Josué, y todo Israel con él, á Libna; y peleó contra Libna:
Y Josué hizo con ellos como Jehová le había mandado: desjarretó sus caballos, y sus carros quemó al fuego.
El rey de Libna, otro: el rey de Adullam, otro:
El rey de Tirsa, otro: treinta y un reyes en todo.
Dió asimismo Moisés á la tribu de Gad, á los hijos de Gad, conforme á sus familias.
Y Cina, y Dimona, y Adada,
Y Eltolad, y Cesil, y Horma,
Lachîs, y Boscath, y Eglón,
Y Danna, y Chîriath-sanna, que es Debir,
Caín, Gibea, y Timna; diez ciudades con sus aldeas.
Mas habían quedado en los hijos de Israel siete tribus, á las cuales aun no habían repartido su posesión.
Y tuvieron en su heredad á Beer-seba, Seba, y Molada,
La cuarta suerte salió por Issachâr, por los hijos de Issachâr conforme á sus familias.
Y abraza á Hebrón, y Rehob, y Hammón, y Cana, hasta la gran Sidón;
Y fué el término de su heredad, Sora, y Estaol, é Ir-semes,
Mas el campo de aquesta ciudad y sus aldeas dieron á Caleb hijo de Jephone, por su posesión.
Y de la media tribu de Manasés, á Taanach con sus ejidos, y á Gath-rimmón con sus ejidos: dos villas.
Y de la tribu de Rubén, á Beser con sus ejidos, á Jasa con sus ejidos,
Mas yo no quise escuchar á Balaam, antes os bendijo repetidamente, y os libré de sus manos.
¿Qué provecho tiene el hombre de todo su trabajo con que se afana debajo del sol?
Híceme estanques de aguas, para regar de ellos el bosque donde los árboles crecían.
¿Qué provecho tiene el que trabaja en lo que trabaja?
Porque de la cárcel salió para reinar; mientras el nacido en su reino se hizo pobre.
Porque en vano vino, y á tinieblas va, y con tinieblas será cubierto su nombre.
No te apresures en tu espíritu á enojarte: porque la ira en el seno de los necios reposa.
Lejos está lo que fué; y lo muy profundo ¿quién lo hallará?
En todo tiempo sean blancos tus vestidos, y nunca falte ungüento sobre tu cabeza.
Muerde la serpiente cuando no está encantada, y el lenguaraz no es mejor.
Reparte á siete, y aun á ocho: porque no sabes el mal que vendrá sobre la tierra.
Y dijo Dios: Ponle por nombre Lo-ammi: porque vosotros no sois mi pueblo, ni yo seré vuestro Dios.
Comen del pecado de mi pueblo, y en su maldad levantan su alma.
Porque misericordia quise, y no sacrificio; y conocimiento de Dios más que holocaustos.
Y yo los ceñí, esforcé sus brazos, y contra mí pensaron mal.
¿Qué haréis el día de la solemnidad, y el día de la fiesta de Jehová?
Yo te conocí en el desierto, en tierra seca.
PRINCIPIO del evangelio de Jesucristo, Hijo de Dios.
Y diciendo: El tiempo es cumplido, y el reino de Dios está cerca: arrepentíos, y creed al evangelio.
Y vino luego su fama por toda la provincia alrededor de Galilea.
Entonces vinieron á él unos trayendo un paralítico, que era traído por cuatro.
Así que el Hijo del hombre es Señor aun del sábado.
Y estableció doce, para que estuviesen con él, y para enviarlos á predicar,
Y si alguna casa fuere dividida contra sí misma, no puede permanecer la tal casa.
Oid: He aquí, el sembrador salió á sembrar.
Y éstos son los que son sembrados entre espinas: los que oyen la palabra;
Y á ellos dijo: ¿Por qué estáis así amedrentados? ¿Cómo no tenéis fe?
Y comenzaron á rogarle que se fuese de los términos de ellos.
Y no permitió que alguno viniese tras él sino Pedro, y Jacobo, y Juan hermano de Jacobo.
Otros decían: Elías es. Y otros decían: Profeta es, ó alguno de los profetas.
Y les mandó que hiciesen recostar á todos por partidas sobre la hierba verde.
Y cuando estuvieron de la otra parte, vinieron á tierra de Genezaret, y tomaron puerto.
Y llamando á toda la multitud, les dijo: Oidme todos, y entended:
Y luego fueron abiertos sus oídos, y fué desatada la ligadura de su lengua, y hablaba bien.
Y vinieron los Fariseos, y comenzaron á altercar con él, pidiéndole señal del cielo, tentándole.
Y envióle á su casa, diciendo: No entres en la aldea, ni lo digas á nadie en la aldea.
Porque no sabía lo que hablaba; que estaban espantados.
Y Jesús le dijo: Si puedes creer, al que cree todo es posible.
Porque el que no es contra nosotros, por nosotros es.
Pero al principio de la creación, varón y hembra los hizo Dios.
El entonces respondiendo, le dijo: Maestro, todo esto he guardado desde mi mocedad.
Mas no será así entre vosotros: antes cualquiera que quisiere hacerse grande entre vosotros, será vuestro servidor;
Y pasando por la mañana, vieron que la higuera se había secado desde las raíces.
Teniendo pues aún un hijo suyo amado, enviólo también á ellos el postrero, diciendo: Tendrán en reverencia á mi hijo.
Y la tomaron los siete, y tampoco dejaron simiente: á la postre murió también la mujer.
Y Jesús respondiéndoles, comenzó á decir: Mirad, que nadie os engañe;
Y las estrellas caerán del cielo, y las virtudes que están en los cielos serán conmovidas;
Y decían: No en el día de la fiesta, porque no se haga alboroto del pueblo.
Y como hubieron cantado el himno, se salieron al monte de las Olivas.
Y volviéndose á ir, oró, y dijo las mismas palabras.
Mas ni aun así se concertaba el testimonio de ellos.
Y los príncipes de los sacerdotes le acusaban mucho.
Y respondiendo Pilato, les dice otra vez: ¿Qué pues queréis que haga del que llamáis Rey de los Judíos?
Y cuando le hubieron crucificado, repartieron sus vestidos, echando suertes sobre ellos, qué llevaría cada uno.
Mas Jesús, dando una grande voz, espiró.
Y ellos como oyeron que vivía, y que había sido visto de ella, no lo creyeron.
A Griegos y á bárbaros, á sabios y á no sabios soy deudor.
Tribulación y angustia sobre toda persona humana que obra lo malo, el Judío primeramente, y también el Griego:
Porque el nombre de Dios es blasfemado por causa de vosotros entre los Gentiles, como está escrito.
Sus pies son ligeros á derramar sangre;
Porque uno es Dios, el cual justificará por la fe la circuncisión, y por medio de la fe la incircuncisión.
Bienaventurado el varón al cual el Señor no imputó pecado.
Y no sólo esto, mas aun nos gloriamos en las tribulaciones, sabiendo que la tribulación produce paciencia;
¿O no sabéis que todos los que somos bautizados en Cristo Jesús, somos bautizados en su muerte?
Y libertados del pecado, sois hechos siervos de la justicia.
Porque no hago el bien que quiero; mas el mal que no quiero, éste hago.
Porque el continuo anhelar de las criaturas espera la manifestación de los hijos de Dios.
Ni por ser simiente de Abraham, son todos hijos; mas: En Isaac te será llamada simiente.
Los cuales también ha llamado, es á saber, á nosotros, no sólo de los Judíos, mas también de los Gentiles?
Porque la Escritura dice: Todo aquel que en él creyere, no será avergonzado.
Pues las ramas, dirás, fueron quebradas para que yo fuese ingerido.
¿O quién le dió á él primero, para que le sea pagado?
Comunicando á las necesidades de los santos; siguiendo la hospitalidad.
No debáis á nadie nada, sino amaros unos á otros; porque el que ama al prójimo, cumplió la ley.
Porque el que en esto sirve á Cristo, agrada á Dios, y es acepto á los hombres.
Tengo, pues, de qué gloriarme en Cristo Jesús en lo que mira á Dios.
Saludad á Urbano, nuestro ayudador en Cristo Jesús, y á Stachîs, amado mío.
